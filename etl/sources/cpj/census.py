"""CPJ's prison census: the people held on each 1 December, linked to their case records,
and the counts per country and year from every export (the newest marked)."""

from __future__ import annotations

import pandas as pd

from etl.countries import EXISTENCE_FLAG, in_their_years, to_iso3
from etl.errors import Problem, ValidationError
from etl.names import NameIndex, loose_key, similarity
from etl.sources.cpj import meta
from etl.sources.cpj.values import charge_categories, joined, split_values, tidied


def census_people(frame: pd.DataFrame) -> pd.DataFrame:
    held = frame[frame["status"] == "Imprisoned"].copy()
    return pd.DataFrame(
        {
            "year": held["Year"].astype(int),
            "country_cpj": held["country"],
            "name": held["fullName"].str.strip(),
            "charges": held["charges"].map(tidied),
            "charge_categories": held["charges"].map(
                lambda c: joined(list(dict.fromkeys(x for x in charge_categories(c) if x)))
            ),
            "unknown_charges": held["charges"].map(
                lambda c: [
                    v
                    for v, k in zip(split_values(c), charge_categories(c), strict=True)
                    if k is None
                ]
            ),
            "sentence": held["sentence"],
            "mediums": held["mediums"].map(tidied),
            "beats": held["coverage"].map(tidied),
            "gender": held["gender"],
            "source_file": held["source_file"],
            "source_line": held["source_line"],
        }
    )


def census_day(year: int) -> str:
    return f"{year}-12-01"


def _latest_possible(date: str) -> str:
    """The last day a CPJ date (YYYY, YYYY-MM or YYYY-MM-DD; blank if unknown) may stand for."""
    return date + "-12-31"[len(date) - 4 :] if date else "9999"


def episodes_held(candidates: pd.DataFrame) -> pd.DataFrame:
    """For each census row, the imprisonment episode its candidate case records say held the
    person on 1 December of its year, and the row's quality: counted_after_death when they
    had died by then, counted_before_arrest when no episode had begun (CPJ's lists have no
    release date, so an episode lasts until the person's next one begins).

    candidates: one line per census row (`row`, its `year`) and case record (`position`, its
    place in CPJ's records, with `status`, `person_id`, `event_date`, `case_id`). Returns
    `case_id` (<NA> when none held them) and `quality`, indexed by `row`; a row without
    candidates has none.
    """
    rows = candidates["row"]
    day = candidates["year"].map(census_day).astype(str)
    date = candidates["event_date"].fillna("")
    episode = candidates["status"] == "imprisoned"
    # a death counts where no record is an episode, else only that of a person with one
    people = pd.MultiIndex.from_frame(candidates[["row", "person_id"]])
    prisoner = people.isin(people[episode.to_numpy()])
    no_episode = ~episode.groupby(rows).transform("any")
    died = (candidates["status"] == "killed") & (prisoner | no_episode)
    dead = (died & (date.map(_latest_possible) < day)).groupby(rows).any()
    begun = candidates[episode & (date <= day)]  # a blank date: the earliest possible
    latest = (
        begun.sort_values(["event_date", "position"], na_position="first")
        .drop_duplicates("row", keep="last")
        .set_index("row")["case_id"]
        .reindex(dead.index)
    )
    had_episode = episode.groupby(rows).any()
    quality = pd.Series("ok", index=dead.index)
    quality[had_episode & latest.isna()] = "counted_before_arrest"
    quality[dead] = "counted_after_death"
    return pd.DataFrame({"case_id": latest.mask(dead), "quality": quality})


def _records_of(pool: pd.DataFrame, matched: pd.Series, years: pd.Series) -> pd.DataFrame:
    """Candidate lines for episodes_held: each row's matched case labels (a list per row)
    with the row's year and those records' fields."""
    labels = matched.explode().dropna()
    fields = pool.assign(position=range(len(pool)))
    chosen = fields.loc[labels, ["position", "status", "person_id", "event_date", "case_id"]]
    return chosen.assign(row=labels.index, year=years[labels.index].to_numpy())


def link_census(
    people: pd.DataFrame, cases: pd.DataFrame, confirmations: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each census person-year's case (case_id, link_method, link_score, quality), and the
    uncertain links for a person to check (the review file).

    Names match in the same country (etl.names.best_match); a fuzzy match only among people
    that no other census name matched exactly or loosely, and applied only when certain
    (etl.names.FUZZY_APPLIED), else listed for review. A link is applied only to an episode
    that had begun by 1 December of the census year, of a person then alive. The curated
    confirmations confirm or reject single links.

    Names are compared only within a country, never across years: a census year picks its
    episode among the matched person's records (episodes_held), whatever their years.
    """
    pool = cases[cases["status"].isin(["imprisoned", "killed"])]
    matches = _name_matches(people[["name", "iso3"]].drop_duplicates(), pool)
    row_match = pd.Series(
        [
            matches[key]
            for key in zip(people["name"].tolist(), people["iso3"].tolist(), strict=True)
        ],
        index=range(len(people)),
    )
    years = pd.Series(people["year"].to_numpy(), index=row_match.index)
    matched = row_match.map(lambda match: list(match.labels) if match else [])
    held = episodes_held(_records_of(pool, matched, years)).reindex(row_match.index)
    found, quality = held["case_id"], held["quality"].fillna("ok")
    method = row_match.map(lambda match: match.method if match else "none").where(
        found.notna(), "none"
    )
    certain = row_match.map(lambda match: match is None or match.certain)

    decisions = _decisions(confirmations, people, pool)
    decided = pd.DataFrame(
        [
            decisions.get(key, (pd.NA, pd.NA))
            for key in zip(
                people["name"].tolist(),
                people["iso3"].tolist(),
                people["year"].tolist(),
                strict=True,
            )
        ],
        index=row_match.index,
        columns=["case_id", "decision"],
    )
    confirmed = decided["decision"].eq("confirm")
    rejected = ~confirmed & decided["case_id"].eq(found).fillna(False)
    uncertain = ~confirmed & ~rejected & found.notna() & ~certain
    review = pd.DataFrame(
        {
            "census_name": people["name"].to_numpy(),
            "iso3": people["iso3"].to_numpy(),
            "year": years,
            "case_id": found,
            "score": row_match.map(lambda match: match.score if match else None),
        }
    )[uncertain]
    found = found.mask(rejected | uncertain).mask(confirmed, decided["case_id"])
    method = method.mask(rejected | uncertain, "none").mask(confirmed, "confirmed")
    loose_keys = dict(
        zip(pool["case_id"].tolist(), map(loose_key, pool["name"].tolist()), strict=True)
    )
    scores = [
        similarity(loose_key(name), loose_keys[case]) if pd.notna(case) else None
        for name, case in zip(people["name"].tolist(), found.tolist(), strict=True)
    ]
    links = pd.DataFrame(
        {"case_id": found, "link_method": method, "link_score": scores, "quality": quality}
    ).set_axis(people.index)
    return links.astype({"case_id": "string", "link_score": "Float64"}), _review_table(review, pool)


def _name_matches(names: pd.DataFrame, pool: pd.DataFrame) -> dict:
    """(name, iso3) → the NameMatch of that census name among the country's case records,
    or None; a fuzzy match only among people no census name matched exactly or loosely."""
    indexes = {iso3: NameIndex(names) for iso3, names in pool["name"].groupby(pool["iso3"])}
    matches = {
        (name, iso3): indexes[iso3].best_match(name) if iso3 in indexes else None
        for name, iso3 in names.itertuples(index=False)
    }
    sure = [label for m in matches.values() if m and m.method != "fuzzy" for label in m.labels]
    free = pool[~pool["person_id"].isin(set(pool.loc[sure, "person_id"]))]
    fuzzy = {iso3 for (_, iso3), m in matches.items() if m and m.method == "fuzzy"}
    free_indexes = {
        iso3: NameIndex(names)
        for iso3, names in free["name"].groupby(free["iso3"])
        if iso3 in fuzzy
    }
    return {
        (name, iso3): free_indexes[iso3].best_match(name)
        if match and match.method == "fuzzy"
        else match
        for (name, iso3), match in matches.items()
    }


def _decisions(confirmations: pd.DataFrame, people: pd.DataFrame, pool: pd.DataFrame) -> dict:
    """(census name, iso3, year) → (case_id, confirm | reject), after checking that each
    curated decision names a census row and, when it confirms, a case that could hold it."""
    census_rows = set(
        zip(people["name"].tolist(), people["iso3"].tolist(), people["year"].tolist(), strict=True)
    )
    years = confirmations["year"].astype(int).set_axis(range(len(confirmations)))
    person = confirmations["case_id"].map(pool.set_index("case_id")["person_id"])
    records = pool[pool["person_id"].isin(person)].groupby("person_id").groups
    matched = pd.Series([list(records.get(p, [])) for p in person], index=years.index)
    held = episodes_held(_records_of(pool, matched, years)).reindex(years.index)
    could_hold = held["case_id"].fillna("")  # "": none of the person's episodes could
    problems = []
    decisions = {}
    for row, case in zip(confirmations.itertuples(), could_hold, strict=True):
        key = (row.census_name, row.iso3, int(row.year))
        if key not in census_rows:
            wrong = "no census row has this name, country and year"
        elif row.decision not in ("confirm", "reject"):
            wrong = f"decision {row.decision!r} is neither confirm nor reject"
        elif row.decision == "confirm" and case != row.case_id:
            wrong = f"case {row.case_id!r} cannot have held this person on {census_day(key[2])}"
        else:
            decisions[key] = (row.case_id, row.decision)
            continue
        problems.append(
            Problem("cpj", row.source_file, int(row.source_line), "confirmation applies", wrong)
        )
    if problems:
        raise ValidationError(problems)
    return decisions


REVIEW_COLUMNS = (
    "census_name",
    "iso3",
    "year",
    "case_id",
    "case_name",
    "arrest_date",
    "case_url",
    "score",
    "decision",
)


def _review_table(review: pd.DataFrame, pool: pd.DataFrame) -> pd.DataFrame:
    """Uncertain links with what a person needs to judge them; `decision` is theirs to fill
    (confirm or reject) before copying the row into census_link_confirmations.csv."""
    cases = pool.set_index("case_id")
    return review.assign(
        case_name=review["case_id"].map(cases["name"]),
        arrest_date=review["case_id"].map(cases["event_date"]),
        case_url=review["case_id"].map(cases["url"]),
        score=review["score"].round(1),
        decision="",
    )[list(REVIEW_COLUMNS)].reset_index(drop=True)


# CPJ's imprisoned list holds the people counted in any census up to this year (its query
# ends le(year,2023)), so its people arrested in that year before 1 December were counted then.
CASE_LIST_LAST_CENSUS = 2023


def person_level_counts(people: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """People held per country and census year according to person-level records: the census
    file's rows, and the imprisoned list's arrests in its last census year."""
    last = cases[
        (cases["status"] == "imprisoned")
        & (cases["event_year"] == CASE_LIST_LAST_CENSUS)
        & (cases["event_date"].fillna("") <= census_day(CASE_LIST_LAST_CENSUS))
    ]
    held = pd.concat([people[["iso3", "year"]], last[["iso3"]].assign(year=CASE_LIST_LAST_CENSUS)])
    return held.groupby(["iso3", "year"]).size().rename("imprisoned").reset_index()


def attribute_residual(
    residual: pd.Series, gapminder: pd.DataFrame, held: pd.DataFrame
) -> pd.DataFrame:
    """Gapminder's world total minus its country rows, per year: given to the countries that
    person-level records show held people that year but Gapminder's series lacks (or counts
    as zero: its Serbia row of 1999, which is the FR Yugoslavia's), when their counts add up to
    the residual exactly; otherwise one row with no country, so that a year's rows still add
    up to CPJ's world total."""
    rows = []
    for year, count in residual.items():
        listed = gapminder.loc[(gapminder["year"] == year) & (gapminder["imprisoned"] > 0), "iso3"]
        absent = held[(held["year"] == year) & ~held["iso3"].isin(listed)]
        if len(absent) and absent["imprisoned"].sum() == count:
            rows.append(absent.assign(attribution="residual-confirmed"))
        else:
            unattributed = {"iso3": [pd.NA], "year": [year], "imprisoned": [count]}
            rows.append(pd.DataFrame(unattributed).assign(attribution="residual-unattributed"))
    if not rows:  # every year's country rows add up to the world total
        return pd.DataFrame(columns=["iso3", "year", "imprisoned", "attribution", "source"])
    return pd.concat(rows, ignore_index=True).assign(source="gapminder-residual-2024")


def census_counts(
    people: pd.DataFrame, cases: pd.DataFrame, countries: pd.DataFrame, world: pd.DataFrame
) -> pd.DataFrame:
    """Counts per country and year from every export: the person-level file, Gapminder's
    country series, and the world total's residual (attributed where person-level records
    confirm whose it is), with the newest export's figure marked `latest`."""
    person_years = (
        people.groupby(["iso3", "year"])
        .size()
        .rename("imprisoned")
        .reset_index()
        .assign(source="cpj-person-years-2020")
    )
    gap = countries
    gapminder = pd.DataFrame(
        {
            "iso3": to_iso3(gap["country"].str.upper(), "cpj"),
            "year": gap["time"].astype(int),
            "imprisoned": gap["journaprison"].astype(int),
            "source": "gapminder-fasttrack-2024",
            "source_file": gap["source_file"],
            "source_line": gap["source_line"],
        }
    )
    gapminder = in_their_years(gapminder).drop(columns=EXISTENCE_FLAG.name)
    world = pd.Series(world["journaprison"].astype(int).values, index=world["time"].astype(int))
    residual = (world - gapminder.groupby("year")["imprisoned"].sum()).dropna().astype(int)
    residual = attribute_residual(
        residual[residual > 0], gapminder, person_level_counts(people, cases)
    )
    counts = pd.concat([person_years, gapminder], ignore_index=True).assign(attribution="reported")
    counts = pd.concat([counts, residual], ignore_index=True)
    counts["export_date"] = counts["source"].map(meta.CENSUS_EXPORTS)
    newest = (
        counts.assign(rank=counts["source"].map(list(meta.CENSUS_EXPORTS).index))
        .sort_values(["iso3", "year", "rank"])
        .drop_duplicates(["iso3", "year"], keep="last")
    )
    counts["latest"] = "no"
    counts.loc[newest.index, "latest"] = "yes"
    return in_their_years(counts, records=True)  # flags a state's counts outside its years
