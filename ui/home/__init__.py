"""The home tab (首页)."""
