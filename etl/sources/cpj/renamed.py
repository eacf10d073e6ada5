"""Profiles CPJ renamed between exports: one person under an old slug in an older export and
a new slug in a newer one (carlos-dominguez-rodriguez in 2024, carlos-dominguez since 2025).

Left alone, the old slug is missing from the newer lists and looks like a case CPJ dropped,
so the person is counted twice. A pair is merged only when no export holds both slugs, the
country and the stated event date are the same, and the names are the same once normalised
(or one adds words to the other: a second surname). Pairs that fall short of that (another
date, a fuzzy name) are returned for review, never merged.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from etl.names import loose_key, similarity

# Names this alike (etl.names.similarity) are worth a reviewer's look as one person.
SIMILAR_NAMES = 85


@dataclass(frozen=True)
class Renames:
    merged: dict[str, str]  # old slug → the newer slug it is merged into
    to_review: dict[str, list[str]]  # slug → slugs that may be the same person, not merged


def same_name(key_a: str, key_b: str) -> bool:
    """Two loose name keys (etl.names.loose_key) are equal, or one's words are all within the
    other's, the shorter naming at least a given name and a surname ("Carlos Domínguez" in
    "Carlos Domínguez Rodríguez")."""
    words_a, words_b = set(key_a.split()), set(key_b.split())
    shorter = min(words_a, words_b, key=len)
    return bool(shorter) and (
        words_a == words_b or (len(shorter) >= 2 and shorter <= words_a & words_b)
    )


def _profiles(rows: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """One row per slug: its newest values and the newest and oldest export holding it."""
    rank = rows["export"].map(order.index)
    newest = rows.assign(rank=rank).drop_duplicates("person_id").set_index("person_id")
    newest["oldest_rank"] = rank.groupby(rows["person_id"]).max()
    newest["key"] = newest["name"].map(loose_key)
    return newest


def find(rows: pd.DataFrame, order: list[str]) -> Renames:
    """Renamed profiles among a list's rows (one per slug and export, `order` newest first);
    rows need person_id, name, iso3, event_date and export."""
    profiles = _profiles(rows, order).dropna(subset=["iso3"])  # no country, no comparison
    last_date = rows.groupby("export")["event_date"].max()
    slugs = profiles.reset_index()[
        ["person_id", "iso3", "rank", "oldest_rank", "export", "event_date", "key"]
    ]
    # An old slug is missing from some newer export, a new one from some older export: only
    # those are paired (all slugs of a country with each other: 288,000 pairs, not 4,300).
    pairs = slugs[slugs["rank"] > slugs["oldest_rank"].min()].merge(
        slugs[slugs["oldest_rank"] < slugs["rank"].max()], on="iso3", suffixes=("_old", "_new")
    )
    pairs = pairs[
        # no export holds both: the old slug's newest export is older than the new one's oldest
        (pairs["rank_old"] > pairs["oldest_rank_new"])
        # the new record could have been in the old slug's export
        & (pairs["event_date_new"] <= pairs["export_old"].map(last_date))
    ]
    keys = list(zip(pairs["key_old"], pairs["key_new"], strict=True))
    # a surname added ("Carlos Domínguez" → "… Rodríguez") scores low but is the same name
    alike = pd.Series(
        [same_name(a, b) or similarity(a, b) >= SIMILAR_NAMES for a, b in keys], dtype=bool
    )
    pairs = pairs[alike.to_numpy()]
    keys = list(zip(pairs["key_old"], pairs["key_new"], strict=True))
    same = pd.Series([same_name(a, b) for a, b in keys], index=pairs.index, dtype=bool)
    same_date = (pairs["event_date_old"] == pairs["event_date_new"]) & (
        pairs["event_date_old"] != ""
    )
    mergeable = pairs[same & same_date]
    # one to one only: a slug with two candidates is a question for a reviewer
    mergeable = mergeable[
        ~mergeable["person_id_old"].duplicated(keep=False)
        & ~mergeable["person_id_new"].duplicated(keep=False)
    ]
    merged = dict(zip(mergeable["person_id_old"], mergeable["person_id_new"], strict=True))
    review = pairs[~pairs["person_id_old"].isin(list(merged))]
    to_review: dict[str, list[str]] = {}
    for old, new in zip(review["person_id_old"], review["person_id_new"], strict=True):
        to_review.setdefault(old, []).append(new)
        to_review.setdefault(new, []).append(old)
    return Renames(merged, to_review)
