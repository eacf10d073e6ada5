"""Amnesty International's findings in Amnesty's own words, each with its quote, URL and date."""
