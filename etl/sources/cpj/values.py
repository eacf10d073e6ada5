"""CPJ's cell formats: event dates written every which way (kept with their precision),
comma-joined multi-value cells, charge wordings mapped to CPJ's categories, profile slugs."""

from __future__ import annotations

import re
from functools import cache

from etl.sources.cpj import meta

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH = re.compile(r"\b(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?", re.IGNORECASE)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_CONTEXT = re.compile(
    r"^(in [^,]*? on|custody of u\.s\. \||disappeared( on)?|body found on)\s+", re.IGNORECASE
)
_EXACT = re.compile(r"^([a-z]+) (\d{1,2}), (\d{4})$", re.IGNORECASE)
_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_HEDGED = re.compile(r"\b(before|after|around|about|between)\b", re.IGNORECASE)


@cache  # one date is written in several exports and rows
def parse_event_date(raw: str) -> tuple[str, str, int | None]:
    """CPJ's free-text date → (ISO text at the stated precision, precision, year).

    Never more precise than the text: a day only when one day is named, a month
    when one month is certain, otherwise the year; spans across years and hedged
    dates ("before", "around") are 'approximate' with the earliest year.
    """
    text = _CONTEXT.sub("", " ".join(raw.split()))
    exact = _EXACT.match(text)
    if exact and exact.group(1).lower() in MONTHS:
        month = MONTHS.index(exact.group(1).lower()) + 1
        return f"{exact.group(3)}-{month:02d}-{int(exact.group(2)):02d}", "day", int(exact.group(3))
    numeric = _NUMERIC.match(text)
    if numeric:
        month, day, year = (int(g) for g in numeric.groups())
        return f"{year}-{month:02d}-{day:02d}", "day", year
    years = sorted({int(y) for y in _YEAR.findall(text)})
    if not years:
        return "", "unknown", None
    if len(years) > 1 or _HEDGED.search(text):
        return str(years[0]), "approximate", years[0]
    months = {m.group(1).lower() for m in _MONTH.finditer(text)}
    if len(months) == 1:
        month = [m[:3] for m in MONTHS].index(months.pop()) + 1
        return f"{years[0]}-{month:02d}", "month", years[0]
    return str(years[0]), "year", years[0]


def split_values(cell: str) -> list[str]:
    """A comma-joined CPJ cell → its values, trimmed, empty ones dropped, order kept."""
    seen: list[str] = []
    for part in cell.split(","):
        value = " ".join(part.split())
        if value and value not in seen:
            seen.append(value)
    return seen


@cache  # cells repeat across rows and exports
def tidied(cell: str) -> str:
    """A comma-joined cell as the datasets write it: its values (split_values) "; "-joined."""
    return joined(split_values(cell))


def charge_categories(cell: str) -> list[str]:
    """Normalised categories of a charges cell; unknown wordings are returned as None."""
    return [meta.CHARGE_VOCABULARY.get(value.casefold()) for value in split_values(cell)]


def slug_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def joined(values: list[str]) -> str:
    return "; ".join(values)
