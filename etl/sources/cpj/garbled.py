"""Text that CPJ's files carry garbled: UTF-8 bytes once read as Mac Roman or Latin-1 and
saved again ('Xi‚Äôan' for Xi’an, 'Ã\\x81ngel' for Ángel).

A cell is repaired only when one encode/decode pair undoes the damage exactly (ftfy finds
the pair); the repair is confirmed when another export writes the same person's text
cleanly. Text that looks garbled but cannot be undone exactly is kept as it is and flagged.
Every row touched gets one quality value, so that readers and the integrity counts see it.
"""

from __future__ import annotations

from functools import cache

import ftfy
import pandas as pd
from ftfy.badness import is_bad

from etl.names import loose_key
from etl.sources.cpj import meta
from etl.sources.cpj.values import split_values

# Weakest first: a row with several garbled cells reports the least certain outcome.
_CERTAINTY = (meta.TEXT_GARBLED, meta.TEXT_REDECODED)


@cache  # one person's name recurs in every export
def redecoded(text: str) -> str | None:
    """The text before a wrong decoding, when re-encoding it in the codec it was misread
    with gives valid UTF-8 byte for byte; None when the text is not garbled, or when undoing
    it would take guesswork (bytes that codec lacks, lost or mixed-up sequences)."""
    if text.isascii():
        return None
    fixed, steps = ftfy.fix_encoding_and_explain(text)
    if fixed == text or [step for step, _ in steps] != ["encode", "decode"]:
        return None
    # ftfy names cp1252 'sloppy-windows-1252', which also maps the bytes cp1252 leaves
    # undefined; the strict codec refuses those
    codec = steps[0][1].removeprefix("sloppy-")
    try:
        exact = text.encode(codec).decode(steps[1][1])
    except UnicodeError:
        return None
    return exact if exact == fixed else None


@cache
def looks_garbled(text: str) -> bool:
    """Mojibake ftfy recognises, or a character already lost (U+FFFD)."""
    return not text.isascii() and (
        "\ufffd" in text or is_bad(text) or ftfy.fix_encoding(text) != text
    )


def _person_keys(frame: pd.DataFrame, fields: tuple[str, str]) -> pd.Series:
    """(loose name key, country) of each row: how a person is found in another export."""
    name, country = fields
    names = frame[name].fillna("")
    keys = [loose_key(redecoded(n) or n) for n in names.tolist()]
    return (
        pd.Series(keys, index=names.index, dtype=names.dtype)
        + "|"
        + (frame[country].fillna("").str.casefold())
    )


def _clean_texts(frames, people, labels, wanted: set[str]) -> dict[tuple[str, str], set[str]]:
    """(person key, export) → every comma-separated part of every text the export holds for
    the wanted people (parts, because one export writes "Xi’an, Shaanxi" where another
    splits it)."""
    texts: dict[tuple[str, str], set[str]] = {}
    for name, frame in frames.items():
        rows = people[name].isin(wanted)
        cells = frame.loc[rows].drop(columns=["source_file", "source_line"], errors="ignore")
        for key, row in zip(people[name][rows], cells.itertuples(index=False), strict=True):
            bucket = texts.setdefault((key, labels[name]), set())
            for cell in row:
                if isinstance(cell, str):
                    bucket.update(split_values(cell))
    return texts


def repair(
    frames: dict[str, pd.DataFrame],
    person_fields: dict[str, tuple[str, str]],
    labels: dict[str, str],
) -> tuple[dict[str, pd.DataFrame], dict[tuple[str, int], str]]:
    """Frames with garbled cells repaired, and the quality value of each row touched,
    keyed by (source_file, source_line)."""
    found = []  # (frame, column, index, re-decoded text or None)
    for name, frame in frames.items():
        for column in frame.columns.drop(["source_file", "source_line"], errors="ignore"):
            if pd.api.types.is_string_dtype(frame[column]):
                # ASCII text is never garbled: only the other cells (1 in 100) are looked
                # at one by one, in plain Python
                texts = frame[column].fillna("")
                odd = ~texts.str.isascii().to_numpy(dtype=bool)
                found += [
                    (name, column, index, redecoded(text))
                    for index, text in zip(frame.index[odd], texts[odd].tolist(), strict=True)
                    if looks_garbled(text)
                ]
    people = {name: _person_keys(frames[name], person_fields[name]) for name in frames}
    wanted = {people[name][index] for name, _, index, _ in found}
    clean = _clean_texts(frames, people, labels, wanted)
    repaired = {name: frame.copy() for name, frame in frames.items()}
    quality: dict[tuple[str, int], str] = {}
    for name, column, index, fixed in found:
        frame = repaired[name]
        if fixed is None:
            outcome = meta.TEXT_GARBLED
        else:
            frame.loc[index, column] = fixed
            others = sorted(set(labels.values()) - {labels[name]})
            outcome = _confirmed_by(set(split_values(fixed)), people[name][index], others, clean)
        row = (frame.loc[index, "source_file"], int(frame.loc[index, "source_line"]))
        quality[row] = min(quality.get(row, outcome), outcome, key=_weakness)
    return repaired, quality


def _confirmed_by(parts: set[str], person: str, exports: list[str], clean) -> str:
    """The quality of a re-decoded text: confirmed by the first other export that writes
    all of it cleanly for the same person, else resting on the re-decoding alone."""
    for export in exports:
        if parts <= clean.get((person, export), set()):
            return meta.TEXT_REPAIRED_FROM.format(export)
    return meta.TEXT_REDECODED


def _weakness(outcome: str) -> int:
    return _CERTAINTY.index(outcome) if outcome in _CERTAINTY else len(_CERTAINTY)
