"""Documents the application prints and exports: PDF (reportlab) and, later, xlsx."""
