"""Data coded from or counting Amnesty International's output."""
