"""The issues tab (民生事项): the list with filters and search, and the selected issue."""
