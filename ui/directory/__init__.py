"""The directory tab (组织与人员): org tree, resident units, party organisations, people."""
