"""Parsing URL query parameters into valid values, defensively.

Every parser takes whatever string arrived (or None) and returns a valid value
plus an optional note for the reader; none of them raises. Pages call these and
write the chosen values back, so a copied link reopens the same view.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MAX_PARAM_LENGTH = 2_000
MAX_COUNTRIES = 12
_CODE = re.compile(r"[A-Za-z]{3}")


def clean(raw: object) -> str:
    """A printable, bounded version of a raw parameter, safe to echo back in a message."""
    text = "" if raw is None else str(raw)
    text = "".join(ch for ch in text[:MAX_PARAM_LENGTH] if unicodedata.category(ch)[0] != "C")
    return text.strip()


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


@dataclass(frozen=True)
class Years:
    """The years a parameter may take, and what they are called ("edition", "census
    year"), so that a note about a year that is not there speaks of the right thing.

    aliases: other spellings of a year, e.g. ("2011-12", 2012) for an edition spanning two.
    """

    values: tuple[int, ...]
    noun: str = "year"
    aliases: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", tuple(sorted({int(y) for y in self.values})))
        if not self.values:
            raise ValueError(f"no {self.noun} to choose from")

    def __contains__(self, year: object) -> bool:
        return year in self.values

    def __iter__(self):
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    @property
    def first(self) -> int:
        return self.values[0]

    @property
    def latest(self) -> int:
        return self.values[-1]

    @property
    def gaps(self) -> tuple[int, ...]:
        """The years between the first and the latest that are not among them."""
        present = set(self.values)
        return tuple(y for y in range(self.first, self.latest + 1) if y not in present)

    @property
    def label(self) -> str:
        """A control's label that shows the range, e.g. "Edition (2002–2026)"."""
        span = f" ({self.first}–{self.latest})" if self.first != self.latest else ""
        return f"{self.noun.capitalize()}{span}"

    def describe(self) -> str:
        """E.g. "Editions: 2002–2026 (no 2011 edition)." or "Census years: 1992–2019."."""
        span = f"{self.first}–{self.latest}" if self.first != self.latest else str(self.first)
        gaps = self.gaps
        if not gaps:
            missing = ""
        elif len(gaps) <= 3:
            listed = ", ".join(map(str, gaps[:-1])) + " or " if len(gaps) > 1 else ""
            missing = f" (no {listed}{gaps[-1]} {self.noun})"
        else:
            missing = f" ({len(self.values)} {self.noun}s in all)"
        return f"{self.noun.capitalize()}s: {span}{missing}."


def parse_year(raw: object, years: Years, default: int | None) -> tuple[int | None, str | None]:
    """One of `years` (or one of their aliases); else `default`, with a note naming the
    years there are. A default of None means "none chosen"."""
    text = clean(raw)
    if not text:
        return default, None
    if text.isascii() and text.isdigit() and int(text) in years:
        return int(text), None
    alias = dict(years.aliases).get(text)
    if alias in years:
        return alias, None
    showing = f"; showing {default}" if default is not None else ""
    return default, f"There is no {years.noun} {_shown(text)!r}{showing}. {years.describe()}"


def _lookup(token: str, names: Mapping[str, str]) -> str | None:
    if _CODE.fullmatch(token) and token.upper() in names:
        return token.upper()
    folded = token.casefold()
    return next((code for code, name in names.items() if name.casefold() == folded), None)


def parse_country(raw: object, names: Mapping[str, str], default: str) -> tuple[str, str | None]:
    """One entity by ISO3 code or exact name (case-insensitive)."""
    text = clean(raw)
    if not text:
        return default, None
    code = _lookup(text, names)
    if code:
        return code, None
    return default, f"Unknown country {_shown(text)!r}; showing {names[default]}."


def parse_countries(
    raw: object, names: Mapping[str, str], default: Sequence[str]
) -> tuple[list[str], str | None]:
    """A comma-separated list of entities; unknown ones are dropped with a note."""
    text = clean(raw)
    if not text:
        return list(default), None
    chosen: list[str] = []
    unknown: list[str] = []
    for token in (t.strip() for t in text.split(",")):
        if not token:
            continue
        code = _lookup(token, names)
        if code is None:
            unknown.append(token)
        elif code not in chosen:
            chosen.append(code)
    notes = []
    if unknown:
        notes.append(f"Ignored {len(unknown)} unknown code(s): {_shown(', '.join(unknown[:5]))}.")
    if len(chosen) > MAX_COUNTRIES:
        notes.append(f"Showing the first {MAX_COUNTRIES} of {len(chosen)} countries.")
        chosen = chosen[:MAX_COUNTRIES]
    if not chosen:
        chosen = list(default)
    return chosen, " ".join(notes) or None


def parse_choice(raw: object, options: Sequence[str], default: str) -> tuple[str, str | None]:
    text = clean(raw)
    if not text:
        return default, None
    if text in options:
        return text, None
    return default, f"Unknown option {_shown(text)!r}; showing {default!r}."


def parse_text(raw: object, limit: int = 100) -> str:
    return clean(raw)[:limit]


def parse_choices(
    raw: object, options: Sequence[str], default: Sequence[str]
) -> tuple[list[str], str | None]:
    """A comma-separated subset of `options` (case-insensitive); unknown items are dropped."""
    text = clean(raw)
    if not text:
        return list(default), None
    folded = {option.casefold(): option for option in options}
    chosen, unknown = [], []
    for token in (t.strip() for t in text.split(",")):
        if token.casefold() in folded:
            if folded[token.casefold()] not in chosen:
                chosen.append(folded[token.casefold()])
        elif token:
            unknown.append(token)
    note = f"Ignored unknown value(s): {_shown(', '.join(unknown[:5]))}." if unknown else None
    return (chosen or list(default)), note


def parse_year_range(
    raw_from: object, raw_to: object, first: int, last: int
) -> tuple[tuple[int, int], str | None]:
    """A year range within [first, last]; out-of-range or reversed bounds are corrected."""

    def bound(raw: object, fallback: int) -> tuple[int, bool]:
        text = clean(raw)
        if not text:
            return fallback, True
        if text.isascii() and text.isdigit() and len(text) <= 4:
            return min(max(int(text), first), last), first <= int(text) <= last
        return fallback, False

    start, start_ok = bound(raw_from, first)
    end, end_ok = bound(raw_to, last)
    note = None if start_ok and end_ok else f"Years are limited to {first}–{last}."
    if start > end:
        start, end = end, start
    return (start, end), note
