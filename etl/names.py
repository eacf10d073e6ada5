"""Matching people's names across exports and publishers.

Two keys: `person_key` only folds Unicode form, case and spaces (an *exact* match), while
`loose_key` also transliterates to ASCII (anyascii), drops quote marks, apostrophes,
bracketed nicknames, hyphens and the Arabic article (al-, el-), so that spellings of one
name written by different hands meet (a *normalised* match). `similarity` scores what is
left (rapidfuzz), for *fuzzy* matches that a person confirms.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii
from rapidfuzz import fuzz

_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")  # "Ahmed (Abu Ali) Salem": a nickname
_QUOTES = re.compile(r"[\"'`´‘’‚‛“”„«»]")  # noqa: RUF001 (the quote marks names carry)
_ARTICLE = re.compile(r"\b(?:al|el|ul|ol)[- ](?=\w)")
_NOT_LETTER = re.compile(r"[^a-z0-9 ]+")


def person_key(name: str) -> str:
    """Name key for matching across exports: Unicode-normalised, case- and space-folded."""
    return " ".join(unicodedata.normalize("NFKC", name).replace("\xa0", " ").split()).casefold()


def loose_key(name: str) -> str:
    """Name key that ignores how a name was written down: script, diacritics, quote marks,
    a bracketed nickname, hyphens and the Arabic article."""
    text = _BRACKETED.sub(" ", unicodedata.normalize("NFKC", name))
    text = anyascii(_QUOTES.sub("", text)).casefold()
    text = _QUOTES.sub("", text)  # anyascii writes some letters (ʿayn, ʼ) as quote marks
    text = _ARTICLE.sub("", text)
    return " ".join(_NOT_LETTER.sub(" ", text).split())


def similarity(a: str, b: str) -> float:
    """0–100: how alike two loose keys are, word order and an extra middle name aside."""
    return float(fuzz.token_set_ratio(a, b)) if a and b else 0.0
