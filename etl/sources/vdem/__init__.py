"""V-Dem's media and repression indicators."""
