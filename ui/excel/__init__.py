"""Excel import (a dialog with a preview) and export of the list a panel shows."""
