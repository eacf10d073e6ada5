"""Parsing URL query parameters into valid values, defensively.

Every parser takes whatever string arrived (or None) and returns a valid value
plus an optional note for the reader; none of them raises. Pages call these and
write the chosen values back, so a copied link reopens the same view. The values stay
language-neutral identifiers; the notes are written in the run's language
(`i18n.current()`, English outside the app).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from dashboard import i18n
from dashboard.i18n import N_

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


def _tr() -> i18n.Translator:
    return i18n.translator(i18n.current())


def _listed(items: Sequence[object], tr: i18n.Translator) -> str:
    """ "2003, 2004 or 2006" in the run's language."""
    items = [str(item) for item in items]
    if len(items) == 1:
        return items[0]
    # TRANSLATORS: the last two of a list of years, e.g. "2004 or 2006" ("2003, 2004 or 2006")
    return tr.gettext("%(items)s or %(last)s") % {
        "items": tr.gettext(", ").join(items[:-1]),
        "last": items[-1],
    }


# What a set of years is called, in whole sentences for each (Years.noun): its control's
# label, its description, and the note about a year that is not there.
_NOUNS = {
    "edition": {
        "label": N_("Edition (%(first)s–%(latest)s)"),
        "one": N_("Edition"),
        "span": N_("Editions: %(span)s."),
        # TRANSLATORS: e.g. "Editions: 2002–2026 (no 2011 edition)." or "(no 2003 or 2006 edition)"
        "gaps": lambda tr, n: tr.ngettext(
            "Editions: %(span)s (no %(years)s edition).",
            "Editions: %(span)s (no %(years)s edition).",
            n,
        ),
        "all": lambda tr, n: tr.ngettext(
            "Editions: %(span)s (%(num)s edition in all).",
            "Editions: %(span)s (%(num)s editions in all).",
            n,
        ),
        "missing": N_("There is no edition %(value)s; showing %(default)s."),
        "missing_none": N_("There is no edition %(value)s."),
    },
    "year": {
        "label": N_("Year (%(first)s–%(latest)s)"),
        "one": N_("Year"),
        "span": N_("Years: %(span)s."),
        "gaps": lambda tr, n: tr.ngettext(
            "Years: %(span)s (no %(years)s year).",
            "Years: %(span)s (no %(years)s year).",
            n,
        ),
        "all": lambda tr, n: tr.ngettext(
            "Years: %(span)s (%(num)s year in all).",
            "Years: %(span)s (%(num)s years in all).",
            n,
        ),
        "missing": N_("There is no year %(value)s; showing %(default)s."),
        "missing_none": N_("There is no year %(value)s."),
    },
    "census year": {
        "label": N_("Census year (%(first)s–%(latest)s)"),
        "one": N_("Census year"),
        "span": N_("Census years: %(span)s."),
        "gaps": lambda tr, n: tr.ngettext(
            "Census years: %(span)s (no %(years)s census).",
            "Census years: %(span)s (no %(years)s census).",
            n,
        ),
        "all": lambda tr, n: tr.ngettext(
            "Census years: %(span)s (%(num)s census year in all).",
            "Census years: %(span)s (%(num)s census years in all).",
            n,
        ),
        "missing": N_("There is no census year %(value)s; showing %(default)s."),
        "missing_none": N_("There is no census year %(value)s."),
    },
}


@dataclass(frozen=True)
class Years:
    """The years a parameter may take, and what they are called ("edition", "census
    year"), so that a note about a year that is not there speaks of the right thing.

    aliases: other spellings of a year, e.g. ("2011-12", 2012) for an edition spanning two.
    """

    values: tuple[int, ...]
    noun: str = "year"  # one of _NOUNS
    aliases: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", tuple(sorted({int(y) for y in self.values})))
        if self.noun not in _NOUNS:
            raise ValueError(f"years called {self.noun!r}: not one of {list(_NOUNS)}")
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
        """A control's label that shows the range, e.g. "Edition (2002–2026)", in the run's
        language."""
        tr, words = _tr(), _NOUNS[self.noun]
        if self.first == self.latest:
            return tr.gettext(words["one"])
        return tr.gettext(words["label"]) % {"first": self.first, "latest": self.latest}

    def describe(self) -> str:
        """E.g. "Editions: 2002–2026 (no 2011 edition)." or "Census years: 1992–2019.", in
        the run's language."""
        tr, words = _tr(), _NOUNS[self.noun]
        span = f"{self.first}–{self.latest}" if self.first != self.latest else str(self.first)
        gaps = self.gaps
        if not gaps:
            return tr.gettext(words["span"]) % {"span": span}
        if len(gaps) <= 3:
            return words["gaps"](tr, len(gaps)) % {
                "span": span,
                "years": _listed(gaps, tr),
            }
        return words["all"](tr, len(self.values)) % {
            "span": span,
            "num": tr.number(len(self.values)),
        }


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
    tr, words = _tr(), _NOUNS[years.noun]
    if default is None:
        note = tr.gettext(words["missing_none"]) % {"value": repr(_shown(text))}
    else:
        note = tr.gettext(words["missing"]) % {"value": repr(_shown(text)), "default": default}
    return default, f"{note} {years.describe()}"


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
    tr = _tr()
    return default, tr.gettext("Unknown country %(value)s; showing %(default)s.") % {
        "value": repr(_shown(text)),
        "default": tr.country(default, names[default]),
    }


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
    tr = _tr()
    if unknown:
        notes.append(
            tr.ngettext(
                "Ignored %(num)s unknown code: %(codes)s.",
                "Ignored %(num)s unknown codes: %(codes)s.",
                len(unknown),
            )
            % {"num": tr.number(len(unknown)), "codes": _shown(", ".join(unknown[:5]))}
        )
    if len(chosen) > MAX_COUNTRIES:
        notes.append(
            tr.gettext("Showing the first %(max)s of %(num)s countries.")
            % {"max": tr.number(MAX_COUNTRIES), "num": tr.number(len(chosen))}
        )
        chosen = chosen[:MAX_COUNTRIES]
    if not chosen:
        chosen = list(default)
    return chosen, " ".join(notes) or None


def parse_choice(
    raw: object,
    options: Sequence[str],
    default: str,
    label: Callable[[str], str] | None = None,
) -> tuple[str, str | None]:
    """One of `options` (language-neutral identifiers); else `default`, with a note naming
    it as the reader sees it (`label`, e.g. its translation; else the identifier)."""
    text = clean(raw)
    if not text:
        return default, None
    if text in options:
        return text, None
    shown = label(default) if label else default
    return default, _tr().gettext("Unknown option %(value)s; showing %(default)s.") % {
        "value": repr(_shown(text)),
        "default": repr(shown),
    }


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
    note = None
    if unknown:
        tr = _tr()
        note = tr.ngettext(
            "Ignored an unknown value: %(values)s.",
            "Ignored unknown values: %(values)s.",
            len(unknown),
        ) % {"values": _shown(", ".join(unknown[:5]))}
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
    note = (
        None
        if start_ok and end_ok
        else _tr().gettext("Years are limited to %(first)s–%(last)s.")
        % {"first": first, "last": last}
    )
    if start > end:
        start, end = end, start
    return (start, end), note


def parse_build(raw: object, builds: Sequence[int]) -> tuple[int | None, str | None]:
    """A released build's number (`build=9`, or `build-9` as pages name it), else None for
    today's data, with a note naming the builds there are."""
    text = clean(raw)
    if not text:
        return None, None
    number = text.casefold().removeprefix("build-")
    if number.isascii() and number.isdigit() and len(number) <= 6 and int(number) in builds:
        return int(number), None
    tr = _tr()
    shown = f"{min(builds)}–{max(builds)}" if builds else "–"
    return None, tr.gettext(
        "There is no build %(value)s; showing the current data. Builds: %(builds)s."
    ) % {"value": repr(_shown(text)), "builds": shown}
