"""Matching people's names across exports and publishers."""

from __future__ import annotations

import unicodedata


def person_key(name: str) -> str:
    """Name key for matching across exports: Unicode-normalised, case- and space-folded."""
    return " ".join(unicodedata.normalize("NFKC", name).replace("\xa0", " ").split()).casefold()
