"""The joint meetings tab (联席会议): the list, the meeting editor and the minutes' lifecycle."""
