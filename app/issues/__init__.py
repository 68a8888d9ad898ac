"""Residents' issues (民生事项) and their closed loop."""
