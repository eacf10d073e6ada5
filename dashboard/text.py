"""Generated text for readers: summaries of what the data shows, safely escaped."""

from __future__ import annotations

import re

import pandas as pd

from dashboard import i18n
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


def _years(rows: pd.DataFrame, tr: i18n.Translator) -> str:
    years = sorted(int(y) for y in rows["year"])
    return tr.gettext(", ").join(str(y) for y in years)


def _rank_of(rows: pd.DataFrame, tr: i18n.Translator) -> str:
    """A rank with the number ranked in its years (139 in 2002, 180 since 2013): rank 101 of
    139 and rank 101 of 180 are not the same standing."""
    _ = tr.gettext
    rank = tr.number(int(rows["rank"].iloc[0]))
    by_count = rows.groupby(rows["entities_ranked"].astype(int), sort=True)
    if by_count.ngroups == 1:
        return _("%(rank)s of %(ranked)s (%(years)s)") % {
            "rank": rank,
            "ranked": tr.number(int(rows["entities_ranked"].iloc[0])),
            "years": _years(rows, tr),
        }
    counts = _("; ").join(
        _("of %(ranked)s in %(years)s") % {"ranked": tr.number(n), "years": _years(g, tr)}
        for n, g in by_count
    )
    return _("%(rank)s (%(counts)s)") % {"rank": rank, "counts": counts}


def country_summary(series: pd.DataFrame, lang: str = i18n.SOURCE_LANGUAGE) -> list[str]:
    """Sentences about one entity's record (rows from rsf.with_changes, one iso3), in `lang`:
    each a template of the catalogue, with plural forms where a count is said."""
    tr = i18n.translator(lang)
    _, ngettext = tr.gettext, tr.ngettext
    series = series.sort_values("year")
    name = md_escape(tr.country(series["iso3"].iloc[0], series["country"].iloc[0]))
    latest = series.iloc[-1]
    year = int(latest["year"])
    lines = [
        ngettext(
            "**%(name)s** is ranked in %(num)s of the editions (%(first)s–%(last)s).",
            "**%(name)s** is ranked in %(num)s of the editions (%(first)s–%(last)s).",
            len(series),
        )
        % {
            "name": name,
            "num": tr.number(len(series)),
            "first": int(series["year"].min()),
            "last": year,
        }
    ]
    standing = {
        "year": year,
        "rank": tr.number(int(latest["rank"])),
        "ranked": tr.number(int(latest["entities_ranked"])),
        "score": tr.number(latest["score"], 2),
    }
    if pd.notna(latest["situation"]):
        sentences = [
            _(
                "In %(year)s it ranks **%(rank)s** of %(ranked)s with a score of %(score)s "
                "(“%(situation)s” situation)."
            )
            % {**standing, "situation": tr.situation(latest["situation"])}
        ]
    else:
        sentences = [
            _("In %(year)s it ranks **%(rank)s** of %(ranked)s with a score of %(score)s.")
            % standing
        ]
    if pd.notna(latest["previous_rank"]):
        moved = int(latest["rank_change"])
        before = {"num": tr.number(abs(moved)), "year": int(latest["previous_year"])}
        if moved == 0:
            sentences.append(_("Its rank is unchanged from %(year)s.") % before)
        elif moved > 0:
            sentences.append(
                ngettext(
                    "It is up %(num)s place from %(year)s.",
                    "It is up %(num)s places from %(year)s.",
                    abs(moved),
                )
                % before
            )
        else:
            sentences.append(
                ngettext(
                    "It is down %(num)s place from %(year)s.",
                    "It is down %(num)s places from %(year)s.",
                    abs(moved),
                )
                % before
            )
        if pd.notna(latest["score_change"]):
            sentences.append(
                _("Its score changed by %(change)s.")
                % {"change": tr.signed(latest["score_change"])}
            )
    lines.append(" ".join(sentences))
    best = series[series["rank"] == series["rank"].min()]
    worst = series[series["rank"] == series["rank"].max()]
    lines.append(
        _("Best rank: %(best)s. Worst rank: %(worst)s.")
        % {"best": _rank_of(best, tr), "worst": _rank_of(worst, tr)}
    )
    recent = series[series["methodology"] == rsf.CURRENT]
    if len(recent) >= 2:
        first, last = recent.iloc[0], recent.iloc[-1]
        lines.append(
            _(
                "Under the current methodology its score went from %(first)s (%(first_year)s) "
                "to %(last)s (%(last_year)s), %(change)s points."
            )
            % {
                "first": tr.number(first["score"], 2),
                "first_year": int(first["year"]),
                "last": tr.number(last["score"], 2),
                "last_year": int(last["year"]),
                "change": tr.signed(last["score"] - first["score"]),
            }
        )
    if len(recent):
        last_row = recent.iloc[-1]
        labels = {column: label for column, label, _ in rsf.INDICATORS}
        values = {k: last_row[k] for k in labels if pd.notna(last_row[k])}
        if values:
            weakest = min(values, key=values.get)
            strongest = max(values, key=values.get)
            lines.append(
                _(
                    "In %(year)s its weakest indicator is “%(weakest)s” (%(weakest_score)s) "
                    "and its strongest “%(strongest)s” (%(strongest_score)s)."
                )
                % {
                    "year": int(last_row["year"]),
                    "weakest": tr.term("indicator", labels[weakest]),
                    "weakest_score": tr.number(values[weakest], 2),
                    "strongest": tr.term("indicator", labels[strongest]),
                    "strongest_score": tr.number(values[strongest], 2),
                }
            )
    return lines


# Where a country stands among countries, by its percentile (0 = worst): each band's upper
# bound and name
BANDS = (
    (10, "worst tenth"),
    (25, "bottom quarter"),
    (50, "lower half"),
    (75, "upper half"),
    (101, "top quarter"),
)


def _band(percentile: float) -> str:
    return next(name for bound, name in BANDS if percentile < bound)


def _band_name(band: str, tr: i18n.Translator) -> str:
    # TRANSLATORS: a band fills "is in the **…** of countries" (in the form that sentence
    # needs)
    return {
        "worst tenth": tr.pgettext("percentile band", "worst tenth"),
        "bottom quarter": tr.pgettext("percentile band", "bottom quarter"),
        "lower half": tr.pgettext("percentile band", "lower half"),
        "upper half": tr.pgettext("percentile band", "upper half"),
        "top quarter": tr.pgettext("percentile band", "top quarter"),
    }[band]


def agreement_summary(
    name: str, standings: list[dict], lang: str = i18n.SOURCE_LANGUAGE
) -> list[str]:
    """What the sources agree and disagree on, from each measure's latest percentile, in
    `lang` (`name`: the country as the page names it).

    standings: results of measures.standing (0 = worst country, 100 = best).
    """
    tr = i18n.translator(lang)
    _, ngettext = tr.gettext, tr.ngettext
    safe = md_escape(name)
    if not standings:
        return [
            _("No source in this dashboard rates %(name)s against other countries.")
            % {"name": safe}
        ]
    ordered = sorted(standings, key=lambda s: s["percentile"])
    bands = [_band(s["percentile"]) for s in ordered]
    common = max(set(bands), key=bands.count)
    sources = {registry.SOURCE_OF[s["measure"].key] for s in ordered}
    lines = [
        ngettext(
            "On %(num)s of %(total)s measure from %(sources)s, %(name)s is in the "
            "**%(band)s** of countries (latest year of each measure).",
            "On %(num)s of %(total)s measures from %(sources)s, %(name)s is in the "
            "**%(band)s** of countries (latest year of each measure).",
            len(ordered),
        )
        % {
            "num": tr.number(bands.count(common)),
            "total": tr.number(len(ordered)),
            "sources": ngettext("%(num)s source", "%(num)s sources", len(sources))
            % {"num": tr.number(len(sources))},
            "name": safe,
            "band": _band_name(common, tr),
        }
    ]
    low, high = ordered[0], ordered[-1]
    lines.append(
        _(
            "Lowest: %(low)s (%(low_year)s), percentile %(low_percentile)s. Highest: %(high)s "
            "(%(high_year)s), percentile %(high_percentile)s."
        )
        % {
            "low": md_escape(tr.term("measure", low["measure"].label)),
            "low_year": low["year"],
            "low_percentile": tr.number(low["percentile"]),
            "high": md_escape(tr.term("measure", high["measure"].label)),
            "high_year": high["year"],
            "high_percentile": tr.number(high["percentile"]),
        }
    )
    spread = high["percentile"] - low["percentile"]
    if spread >= 50:
        lines.append(
            _(
                "The sources disagree (%(spread)s percentile points apart). Counts of jailed or "
                "killed journalists and expert scores measure different things: a country that "
                "has silenced its press may jail few journalists."
            )
            % {"spread": tr.number(spread)}
        )
    else:
        lines.append(
            _("The sources broadly agree (within %(spread)s percentile points).")
            % {"spread": tr.number(spread)}
        )
    return lines


def nothing_matches(filters: dict[str, str], elsewhere: str = "") -> str:
    """The empty state of a filtered table: what the filters were and how to widen them
    (`filters`: control label → the value chosen; only the filters that are set), in the
    run's language (the labels and values come translated, as the controls show them)."""
    tr = i18n.translator(i18n.current())
    chosen = tr.gettext("; ").join(
        tr.gettext("%(filter)s: %(value)s")
        % {"filter": md_escape(label), "value": md_escape(value)}
        for label, value in filters.items()
    )
    text = tr.gettext(
        "Nothing matches these filters (%(filters)s). Clear or widen one of them to see rows."
    ) % {"filters": chosen}
    return f"{text} {elsewhere}" if elsewhere else text
