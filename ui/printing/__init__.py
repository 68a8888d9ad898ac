"""Printing and saving PDF documents the app has rendered (minutes, sign-in sheets, forms).

What prints is the exported PDF itself: its pages are rendered through QtPdf onto the
printer's pages, so paper and file never differ. Import the modules you need
(``ui.printing.preview``, ``ui.printing.files``; ``ui.printing.characters`` warns at save
time of characters no font prints) where something is printed: QtPdf and
QtPrintSupport then load on first use, not at start-up.
"""
