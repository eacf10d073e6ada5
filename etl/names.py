"""Matching people's names across exports and publishers.

Two keys: `person_key` only folds Unicode form, case and spaces (an *exact* match), while
`loose_key` also transliterates to ASCII (anyascii), drops quote marks, apostrophes,
bracketed nicknames, hyphens and the Arabic article (al-, el-), so that spellings of one
name written by different hands meet (a *normalised* match). `similarity` scores what is
left (rapidfuzz), for *fuzzy* matches. `best_match` tries the three in that order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import pandas as pd
from anyascii import anyascii
from rapidfuzz import fuzz

_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")  # "Ahmed (Abu Ali) Salem": a nickname
_QUOTES = re.compile(r"[\"'`´‘’‚‛“”„«»]")  # noqa: RUF001 (the quote marks names carry)
_ARTICLE = re.compile(r"\b(?:al|el|ul|ol)[- ](?=\w)")
_NOT_LETTER = re.compile(r"[^a-z0-9 ]+")
# A missing middle name is weaker evidence than a spelling variant: "mohamed hassan" and
# "mohamed ali hassan" are two prisoners in CPJ's Egypt records. Such a pair scores at most 90.
MISSING_MIDDLE_NAME = 0.9


@cache
def person_key(name: str) -> str:
    """Name key for matching across exports: Unicode-normalised, case- and space-folded."""
    return " ".join(unicodedata.normalize("NFKC", name).replace("\xa0", " ").split()).casefold()


@cache
def loose_key(name: str) -> str:
    """Name key that ignores how a name was written down: script, diacritics, quote marks,
    a bracketed nickname, hyphens and the Arabic article."""
    text = _BRACKETED.sub(" ", unicodedata.normalize("NFKC", name))
    text = anyascii(_QUOTES.sub("", text)).casefold()
    text = _QUOTES.sub("", text)  # anyascii writes some letters (ʿayn, ʼ) as quote marks
    text = _ARTICLE.sub("", text)
    return " ".join(_NOT_LETTER.sub(" ", text).split())


def similarity(a: str, b: str) -> float:
    """0–100: how alike two loose keys are, word order aside; a name that lacks a middle name
    the other has is compared with the other's first and last names.

    Not rapidfuzz's token_set_ratio, which scores any subset of words 100 and so pairs
    "hamid mohammed said" with "mohammed said mohammed", a different prisoner."""
    if not a or not b:
        return 0.0
    shorter, longer = sorted((a.split(), b.split()), key=len)
    without_middle = longer[: len(shorter) - 1] + longer[-1:]
    dropped_middle = (
        MISSING_MIDDLE_NAME * fuzz.ratio(" ".join(shorter), " ".join(without_middle))
        if len(shorter) >= 2
        else 0.0
    )
    return float(max(fuzz.token_sort_ratio(a, b), dropped_middle))


# How similar two names must be for a fuzzy match. Among CPJ's distinct profiles in one
# country, different people score up to 96 (Yang Hengjun and Yang Zhengjun, China; Nguyen
# Van Hai and Nguyen Van Hoa, Vietnam: 93), while one person's spellings score 90 to 97
# (Dawit Isaac and Dawit Isaak, Eritrea: 91; Hamid Mohammed Said and Hamid Mohamed Said: 97).
# So a fuzzy match is applied on its own only from 95, and one naming a single person; from
# 80 it is offered for a person to confirm. Below 80 the pairs are different people sharing
# a common first name (Mohammed Ghanem and Mohammed Haroon, Iraq).
FUZZY_APPLIED = 95.0
FUZZY_REVIEWED = 80.0


@dataclass(frozen=True)
class NameMatch:
    method: str  # exact | normalised | fuzzy
    score: float  # similarity of the loose keys, 0–100
    labels: pd.Index  # the matching names' labels in the candidates
    one_spelling: bool = True  # every matching name has the same loose key

    @property
    def certain(self) -> bool:
        """Applied without a person's check: exact, normalised, or fuzzy from FUZZY_APPLIED
        with every matching name spelled alike (one person, not two similar names)."""
        return self.method != "fuzzy" or (self.score >= FUZZY_APPLIED and self.one_spelling)


class NameIndex:
    """Candidate names keyed once, so that matching many names against the same candidates
    (a country's CPJ records, for every census name) does not key every candidate again.
    Plain lists and dicts: matching runs once per census name, where pandas' cost per call
    was most of the linking's time."""

    def __init__(self, candidates: pd.Series):
        self.labels = candidates.index
        self.loose_keys = [loose_key(name) for name in candidates.tolist()]
        # key → positions of the candidates with that key, in the candidates' order
        self._exact: dict[str, list[int]] = {}
        self._loose: dict[str, list[int]] = {}
        for position, (name, loose) in enumerate(
            zip(candidates.tolist(), self.loose_keys, strict=True)
        ):
            self._exact.setdefault(person_key(name), []).append(position)
            self._loose.setdefault(loose, []).append(position)

    def best_match(self, name: str) -> NameMatch | None:
        """Every exact match of `name`, else every one with its loose key, else the most
        similar ones from FUZZY_REVIEWED; None without any."""
        if (found := self._exact.get(person_key(name))) is not None:
            return NameMatch("exact", 100.0, self.labels[found])
        loose = loose_key(name)
        if (found := self._loose.get(loose)) is not None:
            return NameMatch("normalised", 100.0, self.labels[found])
        scores = {key: similarity(loose, key) for key in self._loose}
        top = max(scores.values(), default=0.0)
        if not scores or top < FUZZY_REVIEWED:
            return None
        best = sorted(p for key, score in scores.items() if score == top for p in self._loose[key])
        spellings = sum(score == top for score in scores.values())
        return NameMatch("fuzzy", top, self.labels[best], spellings == 1)


def best_match(name: str, candidates: pd.Series) -> NameMatch | None:
    """The candidate names (a Series) that match `name`: every exact match, else every one
    with its loose key, else the most similar ones from FUZZY_REVIEWED; None without any."""
    return NameIndex(candidates).best_match(name)
