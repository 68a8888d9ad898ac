"""Joint meetings (联席会议) and their minutes."""
