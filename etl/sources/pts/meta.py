"""Political Terror Scale: the dataset's description."""

from __future__ import annotations

from etl.countries import EXISTENCE_FLAG, EXISTENCE_TALLY
from etl.model import Column, Dataset, Measure, OnMap, Panel, entity_columns

TITLE = "Political Terror Scale"  # the source's short name, for source lines naming several

PTS_SCALE = (
    "1–5 ordinal, higher is worse: 1 secure rule of law, no political imprisonment or "
    "torture; 3 extensive political imprisonment; 5 terror extends to the whole "
    "population."
)
PTS = Dataset(
    name="pts",
    title="Political Terror Scale 1976–2023 (Amnesty, HRW and State Department codings)",
    description=(
        "Levels of state-sanctioned political violence coded each year from three report "
        "series: Amnesty International's annual report (PTS_A), Human Rights Watch's World "
        "Report (PTS_H, from 2013) and the US State Department's Country Reports (PTS_S)."
    ),
    publisher="Political Terror Scale project (Gibney et al.)",
    homepage="http://www.politicalterrorscale.org/",
    source_urls=("http://www.politicalterrorscale.org/Data/Download.html (PTS-2024)",),
    licence="CC BY-NC 4.0 (per the PTS codebook): attribution, non-commercial",
    licence_url="https://creativecommons.org/licenses/by-nc/4.0/",
    attribution="Source: Political Terror Scale (Gibney et al. 2024)",
    citation=(
        "Gibney, Mark, Peter Haschke, Daniel Arnon, Attilio Pisanò, Gray Barrett, Baekkwan "
        "Park, and Jennifer Barnes. 2024. The Political Terror Scale 1976-2023. "
        "http://www.politicalterrorscale.org/."
    ),
    primary_key=("entity", "year"),
    redistribution="attribution-non-commercial",
    columns=(
        *entity_columns("Country"),
        Column(
            "region",
            "string",
            "PTS region code (eap, eca, lac, mena, na, sa, ssa).",
            required=False,
            source_column="Region",
        ),
        Column(
            "pts_a",
            "integer",
            "PTS coded from Amnesty International's annual report. " + PTS_SCALE,
            unit="level",
            required=False,
            minimum=1,
            maximum=5,
            source_column="PTS_A",
            direction="higher is worse",
        ),
        Column(
            "pts_h",
            "integer",
            "PTS coded from Human Rights Watch's World Report (2013 on). " + PTS_SCALE,
            unit="level",
            required=False,
            minimum=1,
            maximum=5,
            source_column="PTS_H",
            direction="higher is worse",
        ),
        Column(
            "pts_s",
            "integer",
            "PTS coded from the US State Department's Country Reports. " + PTS_SCALE,
            unit="level",
            required=False,
            minimum=1,
            maximum=5,
            source_column="PTS_S",
            direction="higher is worse",
        ),
        *(
            Column(
                f"missing_{k}",
                "string",
                f"Why pts_{k} is blank: no report published, "
                "not a UN member without a report, state did not exist, report not coded.",
                required=False,
                enum=(
                    "no report published",
                    "non-UN entity without report",
                    "state did not exist",
                    "report not coded",
                ),
                source_column=f"NA_Status_{k.upper()}",
            )
            for k in ("a", "h", "s")
        ),
        EXISTENCE_FLAG,
    ),
    integrity=(EXISTENCE_TALLY,),
    notes=(
        "Year is the year of the events the report covers, not its publication year.",
        "The three codings come from different reports and are not averaged here.",
        "PTS_A is absent for 2013 (no Amnesty report that year) and nearly absent for 2018.",
        "Five rows carry both a score and a 'no report' status code; the score is kept.",
    ),
)

# What this package publishes, in the order the data package lists it.
DATASETS = (PTS,)

MEASURES = tuple(
    Measure(
        f"pts_{code}",
        PTS,
        f"pts_{code}",
        f"Political Terror Scale from {reports} reports (1–5)",
        "ordinal",
        on_map=OnMap(f"pts_{code}", "scale"),
    )
    for code, reports in (("a", "Amnesty"), ("h", "HRW"), ("s", "State Dept"))
)
PANELS = (
    Panel(
        "Political Terror Scale, 1–5 (higher is worse): Amnesty, HRW and State Dept codings",
        MEASURES,
        order=50,
    ),
)
