"""Excel (xlsx) import of the directory, members, agreements and issues, and export of lists."""
