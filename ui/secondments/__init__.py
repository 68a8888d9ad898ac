"""The secondments tab (干部挂职): postings, work logs, two-way evaluation, forms."""
