"""Amnesty International's findings, quoted and coded: the dataset's description and the
findings vocabulary (what each code means, the words its quote must contain, and the CPJ
charge category a charge maps to)."""

from __future__ import annotations

from dataclasses import dataclass

from etl.model import Column, Dataset, Tally
from etl.sources.cpj.meta import CHARGE_CATEGORIES

TITLE = "Amnesty International (quoted)"  # the source's short name, for source lines


@dataclass(frozen=True)
class Finding:
    """One code of the vocabulary. Every pattern in `cues` must match the quote (each a
    case-insensitive regular expression, alternatives joined by |): a finding is coded only
    where its quote states it. `cpj_category` maps a charge to CPJ's charge categories."""

    label: str
    cues: tuple[str, ...]
    cpj_category: str | None = None

    @property
    def is_charge(self) -> bool:
        return self.cpj_category is not None


# Words that say someone was deprived of liberty, in the languages quoted.
_HELD = (
    r"arrest|detain|detention|imprison|jail|prison|custody|captiv|behind bars|"
    r"sentenced|held|languish|arrestat|detenut|detenid|carcel|inhaftier"
)
_JOURNALISTS = r"journalist|reporter|media worker|members of staff|blogger|periodist|giornalist"
_CRITICS = (
    r"critic|activist|defender|dissident|dissent|opposition|prisoners? of conscience|"
    r"politician|protester|academic|people|individuals|staff|aktivist|Andersdenkende"
)

FINDINGS: dict[str, Finding] = {
    # people deprived of liberty
    "journalists_detained": Finding(
        "Journalists, bloggers or media workers arrested, detained or imprisoned",
        (_JOURNALISTS, _HELD),
    ),
    "critics_detained": Finding(
        "Government critics, activists or human rights defenders arrested, detained or imprisoned",
        (_CRITICS, _HELD),
    ),
    "protesters_imprisoned": Finding(
        "Protesters arrested, detained or imprisoned",
        (r"protest|demonstrat|rall(y|ies)|assembl|pickets", _HELD),
    ),
    # treatment and accountability
    "torture_ill_treatment": Finding(
        "Torture or other ill-treatment", (r"tortur|ill-treat|ill treat|beaten|beating|cruel",)
    ),
    "impunity": Finding(
        "Impunity: abuses not investigated or unpunished",
        (r"impunity|unpunished|not effectively investigated|no accountability",),
    ),
    # the space for information and monitoring
    "monitoring_banned": Finding(
        "Independent monitoring or oversight banned or obstructed",
        (r"monitor|oversight|observer", r"ban|denied|barred|prohibit|out of reach|closed"),
    ),
    "media_closed_or_blocked": Finding(
        "Media outlets or websites closed, blocked, banned or stripped of licences",
        (
            r"media|news|outlet|website|newspaper|channel|press|telegram|tut\.by|kanal",
            r"clos|block|shut|ban|revok|suspend|seal",
        ),
    ),
    "internet_shutdown": Finding(
        "Internet shutdowns or blackouts",
        (r"internet", r"shut|blackout|blocked|cut"),
    ),
    "protests_banned": Finding(
        "Peaceful protests banned, prohibited or broken up",
        (r"protest|assembl|demonstrat|march", r"ban|prohibit|broke up|broken up|dispers"),
    ),
    "travel_ban": Finding(
        "Travel bans or restrictions on leaving the country",
        (r"travel ban|travel restriction|cannot leave the country|ban on travel",),
    ),
    "ngos_closed": Finding(
        "Civil society organizations closed or dissolved",
        (r"NGO|civil society organi[sz]ation|human rights (group|organi[sz]ation)",),
    ),
    "foreign_agent_law": Finding(
        "'Foreign agent' or 'undesirable organization' laws used against critics",
        (r"foreign agent|undesirable",),
    ),
    # charges, each mapped to CPJ's charge category
    "charge_smuggling": Finding("Charged with smuggling", (r"smuggl",), "retaliatory"),
    "charge_illegal_entrepreneurship": Finding(
        "Charged with illegal entrepreneurship", (r"illegal entrepreneurship",), "retaliatory"
    ),
    "charge_money_laundering": Finding(
        "Charged with money laundering", (r"money laundering",), "retaliatory"
    ),
    "charge_tax_evasion": Finding("Charged with tax evasion", (r"tax evasion",), "retaliatory"),
    "charge_drugs": Finding("Charged with drug offences", (r"drug",), "retaliatory"),
    "charge_extortion": Finding("Charged with extortion", (r"extortion",), "retaliatory"),
    "charge_hooliganism": Finding("Charged with hooliganism", (r"hooligan",), "retaliatory"),
    "charge_extremism": Finding("Charged with extremism", (r"extremis",), "anti-state"),
    "charge_terrorism": Finding("Charged with terrorism", (r"terror",), "anti-state"),
    "charge_treason_espionage": Finding(
        "Charged with treason or espionage", (r"treason|espionage|spying",), "anti-state"
    ),
    "charge_national_security": Finding(
        "Charged with national-security or anti-state offences (subversion and the like)",
        (r"national security|subver|state power|against the state|anti-state",),
        "anti-state",
    ),
    "charge_false_news": Finding(
        "Charged with spreading false news",
        (r"false news|false information|disinformation|informazioni consapevolmente false",),
        "false news",
    ),
    "charge_insult": Finding(
        "Charged with insulting or defaming officials", (r"insult|defam|libel",), "defamation"
    ),
    "charge_none": Finding(
        "Held without charge",
        (r"without charge|no charges|not been charged|not charged",),
        "no charge disclosed",
    ),
}
assert all(f.cpj_category in (None, *CHARGE_CATEGORIES) for f in FINDINGS.values())

PUBLICATION_KINDS = (
    "annual report entry",
    "public statement",
    "urgent action",
    "briefing",
    "news report quoting Amnesty",
)
SOURCE_KINDS = {
    "amnesty": "Amnesty's own publication, read on an Amnesty website",
    "amnesty copy": "Amnesty's own text, read in a full copy on another website",
    "quoting amnesty": "a report by someone else quoting or summarising Amnesty",
}
LANGUAGES = ("en", "it", "es", "de", "fr", "ru")

# Which countries and years have text, and which were searched without finding any.
COVERAGE_NOTE = (
    "Coverage (countries: the seed article's Azerbaijan, Turkey, Ukraine and Russia, and the "
    "countries with the most jailed journalists in CPJ's 2023 census and RSF's 2021 and 2024 "
    "round-ups: China, Myanmar, Belarus, Russia, Viet Nam, Iran, Israel/OPT, Eritrea, Egypt, "
    "Turkey, Saudi Arabia, Azerbaijan). Text found for: Azerbaijan 2020, 2021, 2024, 2025; "
    "Turkey 2021, 2023, 2025; Russia 2021, 2022; Belarus 2021; Myanmar 2021; China 2021, "
    "2023; Iran 2021, 2022; Egypt 2023; Saudi Arabia 2022; Eritrea 2021; Viet Nam 2023 (a "
    "German translation); Israel/OPT 2023. Not found (searched, no dated Amnesty text "
    "recovered): Ukraine in every year; Azerbaijan 2022, 2023; Turkey 2020, 2022, 2024; "
    "Russia 2020, 2023-2025; Belarus 2020, 2022-2025; Myanmar 2020, 2022-2025; China 2020, "
    "2022, 2024, 2025; Iran 2020, 2023-2025; Egypt 2020-2022, 2024, 2025; Saudi Arabia "
    "2020, 2021, 2023-2025; Eritrea 2020, 2022-2025; Viet Nam 2020-2022, 2024, 2025; "
    "Israel/OPT 2020-2022, 2024, 2025. A year without rows means no text was found, not that "
    "Amnesty reported nothing."
)

AMNESTY_FINDINGS = Dataset(
    name="amnesty_findings",
    title="Amnesty International's findings in its own words, coded, 2020–2025",
    description=(
        "Sentences Amnesty International published (annual report entries, statements, "
        "urgent actions, briefings) or that reports attributed to Amnesty, quoted verbatim "
        "with their URL and date, for the countries with the most jailed journalists and the "
        "seed article's countries; each coded with the findings it states (journalists or "
        "critics detained, the charges used, torture, impunity, bans on monitoring, media "
        "closed, internet shutdowns, protesters imprisoned, travel bans, …). One row per "
        "quote and finding."
    ),
    publisher="Amnesty International, as published and as quoted (curated by this project)",
    homepage="https://www.amnesty.org/en/research/",
    source_urls=("etl/sources/amnesty_findings/amnesty_findings.csv (each row cites its URL)",),
    licence=(
        "Short verbatim quotations with attribution; Amnesty International's texts are "
        "CC BY-NC-ND 4.0 as its publications state; quotations from other publications "
        "remain their authors'"
    ),
    licence_url="https://creativecommons.org/licenses/by-nc-nd/4.0/",
    attribution="Source: Amnesty International, as quoted per finding (URL given per row)",
    citation=(
        "Amnesty International, publications as cited per row (annual reports 'The State of "
        "the World's Human Rights', statements, urgent actions); curated by the Press "
        "Freedom Dashboard."
    ),
    primary_key=("quote_id", "finding"),
    redistribution="attribution-non-commercial",
    columns=(
        Column("quote_id", "string", "Stable key of the quote (country, year, publication)."),
        Column("iso3", "string", "Country the finding is about (ISO 3166-1 alpha-3)."),
        Column(
            "year",
            "integer",
            "Year the finding covers (for annual reports: the year reported on, not the "
            "edition's publication year).",
            unit="year",
            minimum=2000,
            maximum=2100,
        ),
        Column("publication_kind", "string", "What kind of publication.", enum=PUBLICATION_KINDS),
        Column("publisher", "string", "Who published the page quoted."),
        Column("title", "string", "Title of the publication."),
        Column(
            "published",
            "string",
            "Publication date (YYYY-MM-DD, or YYYY-MM where only the month is known; for an "
            "'amnesty copy', the date Amnesty published the text).",
        ),
        Column("url", "string", "Where the quote can be read."),
        Column("language", "string", "Language of the quote.", enum=LANGUAGES),
        Column(
            "source_kind",
            "string",
            "Amnesty's own text (on its site, or a full copy elsewhere) or a report quoting "
            "Amnesty.",
            enum=tuple(SOURCE_KINDS),
        ),
        Column("quote", "string", "The sentence(s) quoted verbatim."),
        Column(
            "finding", "string", "The coded finding (see the vocabulary).", enum=tuple(FINDINGS)
        ),
        Column("finding_label", "string", "What the code means."),
        Column(
            "figure",
            "integer",
            "A number the quote states for this finding (e.g. journalists detained).",
            required=False,
            minimum=0,
        ),
        Column(
            "cpj_charge_category",
            "string",
            "For a charge: CPJ's charge category it maps to.",
            required=False,
            enum=CHARGE_CATEGORIES,
        ),
        Column(
            "persons",
            "string",
            "People the quote names, as written, separated by '; '.",
            required=False,
        ),
        Column("note", "string", "Caveats: copies, inferred dates, translations.", required=False),
        Column(
            "cpj_case_ids",
            "string",
            "For each person named, in the order of `persons` and separated by '; ': the same "
            "person's latest CPJ case in the same country, or '-' where no certain match "
            "exists (blank when no one named is linked).",
            required=False,
        ),
        Column(
            "cpj_link_method",
            "string",
            "For each person named, in the order of `persons` and separated by '; ': how the "
            "name matched CPJ's (etl.names.best_match): exact, normalised (script, diacritics, "
            "quote marks, a bracketed nickname and al-/el- set aside), fuzzy (similar, score 95 "
            "or more, one spelling), or none (no certain match). Blank when no one is named.",
            required=False,
        ),
        Column(
            "cpj_link_score",
            "string",
            "For each person named, in the order of `persons` and separated by '; ': the name "
            "similarity of the link, 0-100 (100 for exact and normalised matches; '-' where "
            "there is no link; blank when no one named is linked).",
            required=False,
        ),
    ),
    notes=(
        "Curated by hand from text copies of Amnesty's pages and of reports quoting Amnesty: "
        "a row enters only with its URL, date and the sentence(s) verbatim; a finding is coded "
        "only when its quote contains the cue words the vocabulary declares for it, and a "
        "figure only when the quote states it in digits. The ETL rejects any row that breaks "
        "these rules, naming the line.",
        "Vocabulary: "
        + "; ".join(
            f"{code} = {f.label}" + (f" (CPJ: {f.cpj_category})" if f.cpj_category else "")
            for code, f in FINDINGS.items()
        )
        + ".",
        "source_kind: "
        + "; ".join(f"{kind} = {meaning}" for kind, meaning in SOURCE_KINDS.items())
        + ". Copies on third-party sites (ecoi.net, relayto, issuu and others) are used where "
        "Amnesty's own page was not available; where the copy is a PDF laid out in two columns, "
        "the sentence is joined across the column break, which the note says.",
        COVERAGE_NOTE,
    ),
    integrity=(
        Tally("source_kind", "Findings by kind of source", "Amnesty's own text, or quoted."),
        Tally("iso3", "Findings by country", "Coded findings per country."),
        Tally("finding", "Findings by code", "How often each finding is coded."),
        Tally(
            "cpj_link_method",
            "Findings naming people, by how each person was linked to a CPJ case",
            "Per row, the link method of each person named (in the order of `persons`): "
            "exact, normalised, certain fuzzy, or none; blank where no one is named.",
        ),
    ),
)

# What this package publishes, in the order the data package lists it.
DATASETS = (AMNESTY_FINDINGS,)
