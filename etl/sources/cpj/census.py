"""CPJ's prison census: the people held on each 1 December, linked to their case records,
and the counts per country and year from every export (the newest marked)."""

from __future__ import annotations

import pandas as pd

from etl.countries import EXISTENCE_FLAG, in_their_years, to_iso3
from etl.errors import Problem, ValidationError
from etl.names import best_match, loose_key, similarity
from etl.sources.cpj import meta
from etl.sources.cpj.values import charge_categories, joined, split_values


def census_people(frame: pd.DataFrame) -> pd.DataFrame:
    held = frame[frame["status"] == "Imprisoned"].copy()
    return pd.DataFrame(
        {
            "year": held["Year"].astype(int),
            "country_cpj": held["country"],
            "name": held["fullName"].str.strip(),
            "charges": held["charges"].map(lambda c: joined(split_values(c))),
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
            "mediums": held["mediums"].map(lambda c: joined(split_values(c))),
            "beats": held["coverage"].map(lambda c: joined(split_values(c))),
            "gender": held["gender"],
            "source_file": held["source_file"],
            "source_line": held["source_line"],
        }
    )


def census_day(year: int) -> str:
    return f"{year}-12-01"


def _surely_before(date: str, day: str) -> bool:
    """Whether a CPJ date (YYYY, YYYY-MM or YYYY-MM-DD; blank if unknown) ended before `day`."""
    latest = date + "-12-31"[len(date) - 4 :] if date else "9999"
    return latest < day


def episode_held(cases: pd.DataFrame, year: int) -> tuple[str | None, str]:
    """The imprisonment episode one person's case records say held them on 1 December of
    `year`, and the census row's quality: counted_after_death when they had died by then,
    counted_before_arrest when no episode had begun (CPJ's lists have no release date, so an
    episode lasts until the person's next one begins)."""
    day = census_day(year)
    episodes = cases[cases["status"] == "imprisoned"]
    deaths = cases[cases["status"] == "killed"]
    if len(episodes):
        deaths = deaths[deaths["person_id"].isin(episodes["person_id"])]
    if any(_surely_before(date, day) for date in deaths["event_date"].fillna("")):
        return None, "counted_after_death"
    if episodes.empty:
        return None, "ok"
    begun = episodes[episodes["event_date"].fillna("") <= day]  # earliest possible date
    if begun.empty:
        return None, "counted_before_arrest"
    return begun.sort_values("event_date", na_position="first")["case_id"].iloc[-1], "ok"


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
    """
    pool = cases[cases["status"].isin(["imprisoned", "killed"])]
    by_country = dict(tuple(pool.groupby("iso3")))
    nobody = pool.iloc[:0]
    names = people[["name", "iso3"]].drop_duplicates().itertuples(index=False)
    matches = {(n, c): best_match(n, by_country.get(c, nobody)["name"]) for n, c in names}
    taken = {
        pool.at[label, "person_id"]
        for match in matches.values()
        if match is not None and match.method != "fuzzy"
        for label in match.labels
    }
    for (name, iso3), match in matches.items():
        if match is not None and match.method == "fuzzy":
            free = by_country[iso3][~by_country[iso3]["person_id"].isin(taken)]
            matches[(name, iso3)] = best_match(name, free["name"])
    decisions = _decisions(confirmations, people, pool)
    loose_keys = pool.set_index("case_id")["name"].map(loose_key)
    rows, review = [], []
    for row in people.itertuples():
        match = matches[(row.name, row.iso3)]
        held_by = pool.loc[match.labels] if match else nobody
        found, quality = episode_held(held_by, row.year)
        decision = decisions.get((row.name, row.iso3, row.year))
        method = match.method if found else "none"
        if decision is not None and decision[1] == "confirm":
            found, method = decision[0], "confirmed"
        elif decision is not None and decision[0] == found:  # a rejected link
            found, method = None, "none"
        elif found and not match.certain:
            review.append((row.name, row.iso3, row.year, found, match.score))
            found, method = None, "none"
        score = similarity(loose_key(row.name), loose_keys[found]) if found else None
        rows.append((found, method, score, quality))
    columns = ["case_id", "link_method", "link_score", "quality"]
    links = pd.DataFrame(rows, index=people.index, columns=columns)
    return links.astype({"case_id": "string", "link_score": "Float64"}), _review_table(review, pool)


def _decisions(confirmations: pd.DataFrame, people: pd.DataFrame, pool: pd.DataFrame) -> dict:
    """(census name, iso3, year) → (case_id, confirm | reject), after checking that each
    curated decision names a census row and, when it confirms, a case that could hold it."""
    census_rows = set(zip(people["name"], people["iso3"], people["year"], strict=True))
    problems = []
    decisions = {}
    for row in confirmations.itertuples():
        key = (row.census_name, row.iso3, int(row.year))
        person = pool[pool["person_id"].isin(pool.loc[pool["case_id"] == row.case_id, "person_id"])]
        if key not in census_rows:
            wrong = "no census row has this name, country and year"
        elif row.decision not in ("confirm", "reject"):
            wrong = f"decision {row.decision!r} is neither confirm nor reject"
        elif row.decision == "confirm" and episode_held(person, key[2])[0] != row.case_id:
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


def _review_table(review: list, pool: pd.DataFrame) -> pd.DataFrame:
    """Uncertain links with what a person needs to judge them; `decision` is theirs to fill
    (confirm or reject) before copying the row into census_link_confirmations.csv."""
    table = pd.DataFrame(review, columns=["census_name", "iso3", "year", "case_id", "score"])
    cases = pool.set_index("case_id")
    return table.assign(
        case_name=table["case_id"].map(cases["name"]),
        arrest_date=table["case_id"].map(cases["event_date"]),
        case_url=table["case_id"].map(cases["url"]),
        score=table["score"].round(1),
        decision="",
    )[list(REVIEW_COLUMNS)]


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
