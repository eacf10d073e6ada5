"""Generated text for readers: summaries of what the data shows, safely escaped."""

from __future__ import annotations

import re

import pandas as pd

from etl import registry
from etl.sources.rsf_index import methodology as rsf

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$])")
# GitHub-flavoured markdown (Streamlit's remark-gfm) links bare addresses on the parsed text,
# after the escapes above are undone: `www.`, `http://`, `https://` and e-mail addresses
# `a@b.c` (also after `mailto:` or `xmpp:`). An invisible WORD JOINER (U+2060, no width, no
# line break) after `www`, before `://` and before `@` breaks every such pattern while the
# text reads exactly the same.
_AUTOLINK_TRIGGER = re.compile(r"(?<=www)(?=\.)|(?=://)|(?=@)", flags=re.IGNORECASE)
WORD_JOINER = "\u2060"


def md_escape(text: object) -> str:
    """Escape data-derived text for st.markdown, so it is shown and never interpreted:
    no markup, no HTML, and no link made from a bare web or e-mail address."""
    text = _AUTOLINK_TRIGGER.sub(WORD_JOINER, str(text))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _years(rows: pd.DataFrame) -> str:
    years = sorted(int(y) for y in rows["year"])
    return ", ".join(str(y) for y in years)


def _rank_of(rows: pd.DataFrame) -> str:
    """A rank with the number ranked in its years (139 in 2002, 180 since 2013): rank 101 of
    139 and rank 101 of 180 are not the same standing."""
    rank = int(rows["rank"].iloc[0])
    by_count = rows.groupby(rows["entities_ranked"].astype(int), sort=True)
    if by_count.ngroups == 1:
        return f"{rank} of {int(rows['entities_ranked'].iloc[0])} ({_years(rows)})"
    return f"{rank} (" + "; ".join(f"of {n} in {_years(g)}" for n, g in by_count) + ")"


def country_summary(series: pd.DataFrame) -> list[str]:
    """Sentences about one entity's record (rows from rsf.with_changes, one iso3)."""
    series = series.sort_values("year")
    name = md_escape(series["country"].iloc[0])
    latest = series.iloc[-1]
    year = int(latest["year"])
    lines = [
        f"**{name}** is ranked in {len(series)} of the editions "
        f"({int(series['year'].min())}–{year})."
    ]
    latest_text = (
        f"In {year} it ranks **{int(latest['rank'])}** of "
        f"{int(latest['entities_ranked'])} with a score of {latest['score']:.2f}"
    )
    if pd.notna(latest["situation"]):
        latest_text += f" (“{latest['situation']}” situation)"
    if pd.notna(latest["previous_rank"]):
        moved = int(latest["rank_change"])
        latest_text += (
            "; its rank is unchanged"
            if moved == 0
            else f"; {'up' if moved > 0 else 'down'} {abs(moved)} place(s) from "
            f"{int(latest['previous_year'])}"
        )
        if pd.notna(latest["score_change"]):
            latest_text += f", score {latest['score_change']:+.2f}"
    lines.append(latest_text + ".")
    best = series[series["rank"] == series["rank"].min()]
    worst = series[series["rank"] == series["rank"].max()]
    lines.append(f"Best rank: {_rank_of(best)}. Worst rank: {_rank_of(worst)}.")
    recent = series[series["methodology"] == rsf.CURRENT]
    if len(recent) >= 2:
        first, last = recent.iloc[0], recent.iloc[-1]
        delta = last["score"] - first["score"]
        lines.append(
            f"Under the current methodology its score went from {first['score']:.2f} "
            f"({int(first['year'])}) to {last['score']:.2f} ({int(last['year'])}), "
            f"{delta:+.2f} points."
        )
    if len(recent):
        last_row = recent.iloc[-1]
        values = {k: last_row[k] for k, _, _ in rsf.INDICATORS if pd.notna(last_row[k])}
        if values:
            weakest = min(values, key=values.get)
            strongest = max(values, key=values.get)
            lines.append(
                f"In {int(last_row['year'])} its weakest indicator is {weakest} "
                f"({values[weakest]:.2f}) and its strongest {strongest} "
                f"({values[strongest]:.2f})."
            )
    return lines


def _band(percentile: float) -> str:
    if percentile < 10:
        return "worst tenth"
    if percentile < 25:
        return "bottom quarter"
    if percentile < 50:
        return "lower half"
    if percentile < 75:
        return "upper half"
    return "top quarter"


def agreement_summary(name: str, standings: list[dict]) -> list[str]:
    """What the sources agree and disagree on, from each measure's latest percentile.

    standings: results of measures.standing (0 = worst country, 100 = best).
    """
    safe = md_escape(name)
    if not standings:
        return [f"No source in this dashboard rates {safe} against other countries."]
    ordered = sorted(standings, key=lambda s: s["percentile"])
    bands = [_band(s["percentile"]) for s in ordered]
    common = max(set(bands), key=bands.count)
    sources = {registry.SOURCE_OF[s["measure"].key] for s in ordered}
    lines = [
        f"On {bands.count(common)} of {len(ordered)} measures from {len(sources)} sources, "
        f"{safe} is in the **{common}** of countries (latest year of each measure)."
    ]
    low, high = ordered[0], ordered[-1]
    lines.append(
        f"Lowest: {md_escape(low['measure'].label)} ({low['year']}), percentile "
        f"{low['percentile']}. Highest: {md_escape(high['measure'].label)} "
        f"({high['year']}), percentile {high['percentile']}."
    )
    spread = high["percentile"] - low["percentile"]
    if spread >= 50:
        lines.append(
            f"The sources disagree ({spread} percentile points apart). Counts of jailed or "
            "killed journalists and expert scores measure different things: a country that "
            "has silenced its press may jail few journalists."
        )
    else:
        lines.append(f"The sources broadly agree (within {spread} percentile points).")
    return lines


def nothing_matches(filters: dict[str, str], elsewhere: str = "") -> str:
    """The empty state of a filtered table: what the filters were and how to widen them
    (`filters`: control label → the value chosen; only the filters that are set)."""
    chosen = "; ".join(
        f"{md_escape(label)}: {md_escape(value)}" for label, value in filters.items()
    )
    text = f"Nothing matches these filters ({chosen}). Clear or widen one of them to see rows."
    return f"{text} {elsewhere}" if elsewhere else text
