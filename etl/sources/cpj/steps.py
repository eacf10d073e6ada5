"""Committee to Protect Journalists: case records and the prison census.

CPJ publishes no versioned bulk download, so the inputs are several exports of
its database taken at different dates (see the mirror's SOURCES.md). Parse
reads each format into typed rows; harmonise joins them into case records
(newest export wins), census counts (every export kept, the newest marked),
and killed counts.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.countries import in_their_years, name_to_iso3
from etl.errors import Problem, ValidationError, rows_where
from etl.fetch import Fetched, RawFile
from etl.names import person_key
from etl.parsing import read_csv, read_json
from etl.pipeline import Source
from etl.sources.cpj import census, garbled, meta, renamed
from etl.sources.cpj.values import (
    charge_categories,
    joined,
    parse_event_date,
    slug_of,
    split_values,
    tidied,
)

NAME = "cpj"
GAPMINDER = (
    "https://raw.githubusercontent.com/open-numbers/ddf--gapminder--fasttrack/"
    "a9b2854193be15aba5ffd6692dac194f934fb6f6/countries_etc_datapoints/"
)
DATAMANAGER = "https://datamanager.cpj.org/api/datamanager/reports/entries"

IMPRISONED = "imprisoned/CPJ_imprisoned.csv"
CENSUS = "imprisoned/OriginalData_Journalists_Killed_Imprisoned_1992_2020.csv"
KILLINGS = "killed/CPJ_killings.csv"
FULL_EXPORT = "killed/Journalists Killed between 1992 and 2023.csv"
PEOPLE_LIST = "killed/cpj-people-list-2026-02-24_05-44-51.csv"
API_DUMP = "killed/cpj_data.json"
MISSING = "missing/CPJ_missing.csv"
GAP_PRISON = "country_year_counts/ddf--datapoints--journaprison--by--country--time.csv"
GAP_PRISON_WORLD = "country_year_counts/ddf--datapoints--journaprison--by--global--time.csv"
# Curated: links between census rows and cases that a person checked (see census.py)
CONFIRMATIONS = "census_link_confirmations.csv"

# Exports of the killed list, newest first: the first one holding a person wins.
KILLED_EXPORTS = {
    PEOPLE_LIST: meta.EXPORTS["people list"],
    API_DUMP: meta.EXPORTS["api"],
    KILLINGS: meta.EXPORTS["data manager"],
}
EXPORT_LABELS = {
    **KILLED_EXPORTS,
    IMPRISONED: meta.EXPORTS["data manager"],
    MISSING: meta.EXPORTS["data manager"],
    FULL_EXPORT: meta.EXPORTS["killed download"],
    CENSUS: meta.EXPORTS["census"],
}
# The name and country columns of each export of people: how one person is found in another.
PERSON_FIELDS = {
    IMPRISONED: ("fullName", "country"),
    CENSUS: ("fullName", "country"),
    KILLINGS: ("fullName", "country"),
    FULL_EXPORT: ("fullName", "country"),
    PEOPLE_LIST: ("Name", "Country"),
    API_DUMP: ("fullName", "location"),
    MISSING: ("fullName", "country"),
}

RAW_FILES = (
    RawFile(IMPRISONED, f"{DATAMANAGER}?in(status,'Imprisoned')&ge(year,1992)&le(year,2023)"),
    RawFile(CENSUS, "https://cpj.org/data/imprisoned/"),
    RawFile(KILLINGS, f"{DATAMANAGER}?in(status,'Killed')&ge(year,1992)&le(year,2023)"),
    RawFile(FULL_EXPORT, "https://cpj.org/data/killed/ (43-column download, 2024-03)"),
    RawFile(PEOPLE_LIST, "https://cpj.org/data/killed/"),
    RawFile(
        API_DUMP,
        "https://cpj.org/wp-json/cpj-datamanager/v1/people_list"
        "?status=Killed&motive=Confirmed&role=Journalist&year=1992,2025",
    ),
    RawFile(MISSING, f"{DATAMANAGER}?in(status,'Missing')"),
    RawFile(GAP_PRISON, GAPMINDER + GAP_PRISON.split("/")[-1]),
    RawFile(GAP_PRISON_WORLD, GAPMINDER + GAP_PRISON_WORLD.split("/")[-1]),
    RawFile(
        CONFIRMATIONS,
        f"etl/sources/cpj/{CONFIRMATIONS}",
        local=Path(__file__).resolve().parent / CONFIRMATIONS,
    ),
)

# ---------------------------------------------------------------- parse


REQUIRED_COLUMNS = {
    IMPRISONED: (
        "organizations",
        "fullName",
        "location",
        "status",
        "charges",
        "startDisplay",
        "mtpage",
        "country",
        "type",
    ),
    CENSUS: (
        "Year",
        "fullName",
        "status",
        "country",
        "charges",
        "sentence",
        "mediums",
        "coverage",
        "gender",
    ),
    KILLINGS: (
        "organizations",
        "fullName",
        "location",
        "status",
        "typeOfDeath",
        "startDisplay",
        "mtpage",
        "country",
        "type",
        "motiveConfirmed",
    ),
    FULL_EXPORT: (
        "year",
        "fullName",
        "country",
        "gender",
        "localOrForeign",
        "sourcesOfFire",
        "impunityMurder",
        "mediums",
        "coverage",
        "type",
    ),
    PEOPLE_LIST: (
        "Name",
        "Status",
        "Date",
        "Country",
        "Journalist or Media Worker",
        "Motive",
        "Type of Death",
        "cpj.org URL",
    ),
    API_DUMP: (
        "fullName",
        "organizations",
        "location",
        "status",
        "typeOfDeath",
        "startDisplay",
        "mtpage",
        "type",
        "motiveConfirmed",
    ),
    MISSING: (
        "organizations",
        "fullName",
        "location",
        "status",
        "startDisplay",
        "mtpage",
        "country",
        "type",
    ),
    GAP_PRISON: ("country", "time", "journaprison"),
    GAP_PRISON_WORLD: ("global", "time", "journaprison"),
    CONFIRMATIONS: ("census_name", "iso3", "year", "case_id", "decision", "note"),
}


def parse(fetched: Fetched) -> pd.DataFrame:
    read = read_json if fetched.name.endswith(".json") else read_csv
    frame = read(NAME, fetched.name, fetched.content)
    missing = [c for c in REQUIRED_COLUMNS[fetched.name] if c not in frame.columns]
    if missing:
        raise ValidationError(
            [
                Problem(
                    NAME,
                    fetched.name,
                    1,
                    "required columns",
                    f"missing {missing}; found {list(frame.columns)[:12]}",
                )
            ]
        )
    if fetched.name in (GAP_PRISON, GAP_PRISON_WORLD, CENSUS):
        year_column = "Year" if fetched.name == CENSUS else "time"
        bad = ~frame[year_column].str.fullmatch(r"\d{4}")
        if fetched.name != CENSUS:
            bad |= ~frame["journaprison"].str.fullmatch(r"\d+")
        if bad.any():
            raise ValidationError(
                [
                    Problem(
                        NAME,
                        fetched.name,
                        int(row.source_line),
                        "year and count are numbers",
                        f"{row._asdict().get(year_column, '')!r}",
                    )
                    for row in rows_where(frame, bad)
                ]
            )
    return frame


# ---------------------------------------------------------------- harmonise


def _case_rows(frame: pd.DataFrame, *, fields: dict, export: str) -> pd.DataFrame:
    """Common shape of a case record from any CPJ list export."""
    dates = frame[fields["date"]].map(parse_event_date)
    out = pd.DataFrame(
        {
            "person_id": frame[fields["url"]].map(slug_of),
            "name": frame[fields["name"]].str.strip(),
            "country_cpj": frame[fields["country"]],
            "status": frame[fields["status"]].str.lower(),
            "role": frame[fields["role"]].str.lower() if fields.get("role") else "journalist",
            "organizations": frame[fields["organizations"]].map(tidied),
            "event_date": [d[0] for d in dates],
            "event_date_precision": [d[1] for d in dates],
            "event_year": pd.array([d[2] for d in dates], dtype="Int64"),
            "event_date_raw": frame[fields["date"]],
            "location": frame[fields["location"]] if fields.get("location") else "",
            "url": frame[fields["url"]],
            "source_file": frame["source_file"],
            "source_line": frame["source_line"],
            "export": export,
        }
    )
    for column in ("type_of_death", "motive", "charges_raw"):
        key = fields.get(column)
        out[column] = frame[key] if key else ""
    return out


LIST_FIELDS = {
    "name": "fullName",
    "country": "country",
    "status": "status",
    "role": "type",
    "organizations": "organizations",
    "date": "startDisplay",
    "location": "location",
    "url": "mtpage",
    "type_of_death": "typeOfDeath",
    "motive": "motiveConfirmed",
    "charges_raw": "charges",
}
API_FIELDS = {**LIST_FIELDS, "country": "location", "location": None, "charges_raw": None}
PEOPLE_FIELDS = {
    "name": "Name",
    "country": "Country",
    "status": "Status",
    "role": None,
    # CPJ's export mislabels the employer column "Journalist or Media Worker"
    "organizations": "Journalist or Media Worker",
    "date": "Date",
    "location": None,
    "url": "cpj.org URL",
    "type_of_death": "Type of Death",
    "motive": "Motive",
    "charges_raw": None,
}

DEATH_TYPES = {
    "murder": "murder",
    "crossfire": "crossfire",
    "crossfire / combat related": "crossfire",
    "dangerous assignment": "dangerous assignment",
    "unknown": "unknown",
}


def _killed_cases(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per killed person: the newest export's values, with every export listed."""
    fields = {PEOPLE_LIST: PEOPLE_FIELDS, API_DUMP: API_FIELDS, KILLINGS: LIST_FIELDS}
    rows = pd.concat(
        [
            _case_rows(frames[name], fields=fields[name], export=label)
            for name, label in KILLED_EXPORTS.items()
        ],
        ignore_index=True,
    )
    rows["iso3"] = name_to_iso3(rows["country_cpj"], NAME)
    renames = renamed.find(rows, list(KILLED_EXPORTS.values()))
    rows["former_person_id"] = rows["person_id"].where(rows["person_id"].isin(list(renames.merged)))
    rows["person_id"] = rows["person_id"].replace(renames.merged)
    oldest_role = rows.drop_duplicates("person_id", keep="last").set_index("person_id")["role"]
    newest = rows.drop_duplicates("person_id", keep="first").set_index("person_id")
    exports = _distinct_per_person(rows, "export")
    newest["sources"] = pd.Series({slug: joined(labels) for slug, labels in exports.items()})
    newest["known_names"] = pd.Series(_distinct_per_person(rows, "name"), dtype=object)
    # Only the data-manager scrape distinguishes media workers; the newer lists are
    # journalists-only filters, so a media worker there would not appear in them.
    newest["role"] = oldest_role
    city = rows[rows["location"] != ""].drop_duplicates("person_id").set_index("person_id")
    newest["location"] = city["location"].reindex(newest.index).fillna("")
    newest["type_of_death"] = newest["type_of_death"].str.lower().map(DEATH_TYPES)
    newest["motive"] = (
        newest["motive"]
        .str.lower()
        .where(newest["motive"].str.lower().isin(["confirmed", "unconfirmed"]))
    )
    newest["former_person_ids"] = _former_person_ids(rows)
    newest["possible_person_ids"] = pd.Series(
        {slug: joined(sorted(others)) for slug, others in renames.to_review.items()}, dtype=object
    )
    newest["profile_check"] = pd.Series(pd.NA, index=newest.index, dtype=object)
    newest.loc[newest["possible_person_ids"].notna(), "profile_check"] = meta.PROFILE_TO_REVIEW
    newest.loc[newest["former_person_ids"].notna(), "profile_check"] = meta.PROFILE_MERGED
    newest.loc[_dropped_from_confirmed_lists(newest), "motive"] = "reclassified"
    return newest.reset_index()


def _distinct_per_person(rows: pd.DataFrame, column: str) -> dict[str, list[str]]:
    """Slug → the distinct values of `column` in its rows, in the rows' order (plain Python:
    a pandas aggregate calls Python per slug anyway, at many times the cost)."""
    values: dict[str, dict[str, None]] = {}
    for slug, value in zip(rows["person_id"].tolist(), rows[column].tolist(), strict=True):
        values.setdefault(slug, {})[value] = None
    return {slug: list(distinct) for slug, distinct in values.items()}


def _former_person_ids(rows: pd.DataFrame) -> pd.Series:
    """Slug → the renamed slugs merged into it, each with the exports that used it."""
    former = rows.dropna(subset=["former_person_id"])
    exports = former.groupby(["person_id", "former_person_id"], sort=False)["export"].agg(", ".join)
    labelled = [f"{old} ({used})" for (_, old), used in exports.items()]
    return (
        pd.Series(labelled, index=exports.index.get_level_values(0)).groupby(level=0).agg("; ".join)
    )


# Each newer export lists every confirmed journalist killed in its date range; a confirmed
# journalist that an export newer than the record's own omits has since been reclassified
# or withdrawn by CPJ.
CONFIRMED_LISTS = {
    meta.EXPORTS["people list"]: ("2001-01-01", "2025-12-02"),
    meta.EXPORTS["api"]: ("1992-01-01", "2025-05-25"),
}


def _dropped_from_confirmed_lists(cases: pd.DataFrame) -> pd.Series:
    order = list(KILLED_EXPORTS.values())  # newest first
    newest_source = cases["sources"].str.split("; ").str[0].map(order.index)
    confirmed_journalist = (cases["motive"] == "confirmed") & (cases["role"] == "journalist")
    dropped = pd.Series(False, index=cases.index)
    for export, (first, last) in CONFIRMED_LISTS.items():
        # covered only when the whole stated date lies inside the export's range
        covered = (
            (cases["event_date"].fillna("") >= first)
            & (cases["event_date"].fillna("") <= last)
            & (cases["event_date_precision"] == "day")
        )
        newer = order.index(export) < newest_source
        dropped |= confirmed_journalist & covered & newer
    return dropped


def _imprisoned_cases(frame: pd.DataFrame) -> pd.DataFrame:
    cases = _case_rows(frame, fields=LIST_FIELDS, export=EXPORT_LABELS[IMPRISONED])
    cases["sources"] = cases["export"]
    cases["type_of_death"] = pd.NA
    cases["motive"] = pd.NA
    return cases


def _missing_cases(frame: pd.DataFrame) -> pd.DataFrame:
    cases = _case_rows(
        frame,
        fields={**LIST_FIELDS, "type_of_death": None, "motive": None, "charges_raw": None},
        export=EXPORT_LABELS[MISSING],
    )
    cases["sources"] = cases["export"]
    cases["type_of_death"] = pd.NA
    cases["motive"] = pd.NA
    return cases


def _case_ids(cases: pd.DataFrame) -> pd.Series:
    """slug:status:date, unique and stable across rebuilds (a counter only breaks exact ties)."""
    base = (
        cases["person_id"]
        + ":"
        + cases["status"]
        + ":"
        + cases["event_date"].where(cases["event_date"] != "", "undated")
    )
    counter = base.groupby(base).cumcount()
    return base.where(counter == 0, base + "#" + (counter + 1).astype(str))


def _in_their_years(records: pd.DataFrame, year: str) -> pd.DataFrame:
    """Each case or census person coded as the state of its year (Serbia 1999 is the FR
    Yugoslavia), and flagged where CPJ names a state in a year it did not exist."""
    dated = records[year].notna()
    recoded = in_their_years(records.assign(year=records[year]), counted=dated, records=True)
    return recoded if year == "year" else recoded.drop(columns="year")


def _killed_counts(cases: pd.DataFrame) -> pd.DataFrame:
    killed = cases[(cases["status"] == "killed") & cases["event_year"].notna()]
    motive = killed["motive"].fillna("not applicable")
    return (
        killed.assign(motive=motive, year=killed["event_year"])
        .groupby(["iso3", "year", "role", "motive"])
        .size()
        .rename("killed")
        .reset_index()
    )


def _killed_details(frame: pd.DataFrame) -> pd.DataFrame:
    """Fields only CPJ's 43-column killed export has, keyed by (name key, year, iso3).

    That export has no profile URL, so it is joined on name, year and country; names that
    occur twice in one country-year (e.g. "Unidentified") are ambiguous and left out.
    """
    details = pd.DataFrame(
        {
            "key": frame["fullName"].map(person_key),
            "event_year": frame["year"].astype(int),
            "iso3": name_to_iso3(frame["country"], NAME),
            "gender": frame["gender"],
            "local_or_foreign": frame["localOrForeign"],
            "sources_of_fire": frame["sourcesOfFire"].map(tidied),
            "impunity": frame["impunityMurder"],
            "mediums": frame["mediums"].map(tidied),
            "beats": frame["coverage"].map(tidied),
        }
    )
    return details.drop_duplicates(["key", "event_year", "iso3"], keep=False)


def _add_killed_details(cases: pd.DataFrame, details: pd.DataFrame) -> pd.DataFrame:
    """Joined on every name the person's exports use, newest first, so that a renamed
    profile keeps the details filed under its older name."""
    killed = cases.loc[cases["status"] == "killed", ["known_names", "event_year", "iso3"]]
    keyed = killed.explode("known_names")
    keyed["key"] = keyed["known_names"].map(person_key)
    matched = keyed.reset_index().merge(details, on=["key", "event_year", "iso3"], how="inner")
    matched = matched.drop_duplicates("index").set_index("index")
    for column in ("gender", "local_or_foreign", "sources_of_fire", "impunity", "mediums", "beats"):
        if column not in cases.columns:
            cases[column] = pd.NA
        cases.loc[matched.index, column] = matched[column].replace("", pd.NA)
    return cases


CASE_VALUE_FIELDS = (
    "organizations",
    "charges",
    "charge_categories",
    "census_years",
    "mediums",
    "beats",
)


def harmonise(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    people_frames, text_quality = garbled.repair(
        {name: frames[name] for name in PERSON_FIELDS}, PERSON_FIELDS, EXPORT_LABELS
    )
    frames = {**frames, **people_frames}
    cases = pd.concat(
        [
            _imprisoned_cases(frames[IMPRISONED]),
            _killed_cases(frames),
            _missing_cases(frames[MISSING]),
        ],
        ignore_index=True,
    )
    cases["iso3"] = name_to_iso3(cases["country_cpj"], NAME)
    cases = _in_their_years(cases, "event_year")
    cases["url"] = cases["url"].str.replace(
        "https://cpj-preprod.go-vip.net/", "https://cpj.org/", regex=False
    )
    cases["charges"] = cases["charges_raw"].fillna("").map(tidied)
    categories = cases["charges_raw"].fillna("").map(charge_categories)
    cases["unknown_charges"] = [
        [v for v, k in zip(split_values(raw), cats, strict=True) if k is None]
        for raw, cats in zip(
            cases["charges_raw"].fillna("").tolist(), categories.tolist(), strict=True
        )
    ]
    cases["charge_categories"] = categories.map(
        lambda cats: joined(list(dict.fromkeys(c for c in cats if c)))
    )
    cases["case_id"] = _case_ids(cases)
    cases["text_quality"] = pd.Series(
        [
            text_quality.get((f, int(n)))
            for f, n in zip(
                cases["source_file"].tolist(), cases["source_line"].tolist(), strict=True
            )
        ],
        index=cases.index,
        dtype=object,
    )

    people = census.census_people(frames[CENSUS])
    people["iso3"] = name_to_iso3(people["country_cpj"], NAME)
    people = _in_their_years(people, "year")
    links, review = census.link_census(people, cases, frames[CONFIRMATIONS])
    people = people.join(links)
    linked = people.dropna(subset=["case_id"])
    census_years: dict[str, list[int]] = {}
    for case, year in zip(linked["case_id"].tolist(), linked["year"].tolist(), strict=True):
        census_years.setdefault(case, []).append(year)
    cases["census_years"] = cases["case_id"].map(
        {case: joined([str(y) for y in sorted(years)]) for case, years in census_years.items()}
    )
    latest = linked.sort_values("year").drop_duplicates("case_id", keep="last").set_index("case_id")
    for column in ("sentence", "mediums", "beats", "gender"):  # as in the latest census
        cases[column] = cases["case_id"].map(latest[column]).replace("", pd.NA)
    cases = _add_killed_details(cases, _killed_details(frames[FULL_EXPORT]))

    case_ids = cases["case_id"].tolist()
    values = pd.DataFrame(  # one row per value of each multi-value field, field by field
        [
            (case, field, value)
            for field in CASE_VALUE_FIELDS
            for case, cell in zip(case_ids, cases[field].fillna("").tolist(), strict=True)
            for value in cell.split("; ")
            if value
        ],
        columns=["case_id", "field", "value"],
    )

    for frame in (cases, people):
        for column in frame.columns:
            if frame[column].dtype == object:
                frame[column] = frame[column].replace("", pd.NA)
    return {
        "cpj_cases": cases,
        "cpj_case_values": values.drop_duplicates(),
        "cpj_census_people": people,
        "cpj_census": census.census_counts(
            people, cases, frames[GAP_PRISON], frames[GAP_PRISON_WORLD]
        ),
        "cpj_killed_counts": in_their_years(_killed_counts(cases), records=True),
        "cpj_census_links": review,
    }


# ---------------------------------------------------------------- validate


VOCABULARY_HINT = "add it to CHARGE_VOCABULARY in meta.py"


def validate(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    problems: list[Problem] = []

    def each(frame: pd.DataFrame, mask: pd.Series, rule: str, detail) -> None:
        for row in rows_where(frame, mask):
            file = getattr(row, "source_file", None)
            line = getattr(row, "source_line", None)
            problems.append(
                Problem(
                    NAME,
                    file if isinstance(file, str) else "(derived)",
                    int(line) if pd.notna(line) else None,
                    rule,
                    detail(row),
                )
            )

    cases, people = tables["cpj_cases"], tables["cpj_census_people"]
    for frame in (cases, people):
        each(
            frame,
            frame["iso3"].isna(),
            "country in crosswalk",
            lambda r: (
                f"CPJ country {r.country_cpj!r} is not in etl/reference/aliases.csv "
                "or countries.csv"
            ),
        )
        each(
            frame,
            frame["unknown_charges"].map(bool),
            "charge in vocabulary",
            lambda r: f"unknown charge wording {r.unknown_charges} ({VOCABULARY_HINT})",
        )
    each(
        cases,
        ~cases["status"].isin(meta.CASE_STATUSES),
        "status in vocabulary",
        lambda r: f"status {r.status!r}",
    )
    each(
        cases,
        ~cases["url"].fillna("").str.startswith("https://cpj.org/"),
        "profile URL on cpj.org",
        lambda r: f"{r.name}: {r.url!r}",
    )
    census = tables["cpj_census"]
    unknown = census["iso3"].isna() & (census["attribution"] != "residual-unattributed")
    each(census, unknown, "Gapminder code in crosswalk", lambda r: "unknown code")
    dupes = census[census["latest"] == "yes"].duplicated(["iso3", "year"], keep=False)
    each(
        census[census["latest"] == "yes"],
        dupes,
        "one latest figure per country-year",
        lambda r: f"{r.iso3} {r.year}",
    )
    problems += census_matches_world_totals(census)
    return problems


# CPJ revises past censuses (in 2018, and each December): the person-level export of
# c. 2020 and the world totals Gapminder took from CPJ in 2024 differ by at most 10 people
# (3.8 %, in 2019) in any year. A larger gap means the person-level file lost rows.
CENSUS_REVISION_TOLERANCE = 0.04


def census_matches_world_totals(census: pd.DataFrame) -> list[Problem]:
    """Each census year's person-level rows add up to the world total CPJ published for it
    (as Gapminder compiled it), within the revisions CPJ has made since."""
    people = census[census["source"] == "cpj-person-years-2020"].groupby("year")["imprisoned"]
    world = census[census["source"].str.startswith("gapminder")].groupby("year")["imprisoned"]
    counted, published = people.sum(), world.sum()
    problems = []
    for year in counted.index.intersection(published.index):
        have, total = int(counted[year]), int(published[year])
        if abs(have - total) > CENSUS_REVISION_TOLERANCE * total:
            problems.append(
                Problem(
                    NAME,
                    CENSUS,
                    None,
                    "census rows add up to the published world total",
                    f"{have} people held on 1 December {year} in the file, but CPJ's published "
                    f"total is {total} (revisions explain at most "
                    f"{CENSUS_REVISION_TOLERANCE:.0%}): rows are missing or added",
                )
            )
    return problems


SOURCE = Source(
    name=NAME,
    datasets=(
        meta.CPJ_CASES,
        meta.CPJ_CASE_VALUES,
        meta.CPJ_CENSUS_PEOPLE,
        meta.CPJ_CENSUS,
        meta.CPJ_KILLED_COUNTS,
    ),
    mirror_folder="cpj",
    raw_files=RAW_FILES,
    parse=parse,
    harmonise=harmonise,
    validate=validate,
    reviews=("cpj_census_links",),
)
