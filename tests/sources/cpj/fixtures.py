"""Tiny CPJ files written for the tests, one per export format, with each format's quirks."""

from __future__ import annotations

import json

from etl.fetch import Fetched
from etl.sources.cpj import steps as cpj
from tests.conftest import fetched as fake_fetched

API_HEADER = (
    ",organizations,fullName,location,status,typeOfDeath,charges,startDisplay,mtpage,"
    "country,type,motiveConfirmed"
)

# Data-manager scrape of the imprisoned list: stray index column, CRLF line ends, case
# variants, a lower-case status, a staging-host URL, a repeated person (two arrests).
IMPRISONED = (
    "\r\n".join(
        [
            API_HEADER,
            '0,Meydan TV,Afgan Mukhtarli,Baku,Imprisoned,,Retaliatory,"May 29, 2017",'
            "https://cpj.org/data/people/afgan-mukhtarli/,Azerbaijan,Journalist,",
            '1,"Kanal 13, Freelance",Aziz Orujov,,imprisoned,,"Anti-state,False news",'
            '"November 27, 2023",'
            "https://cpj.org/data/people/aziz-orujov/,Azerbaijan,Journalist,",
            "2,Kanal 13,Aziz Orujov,,Imprisoned,,No charge disclosed,Unknown,"
            "https://cpj.org/data/people/aziz-orujov/,Azerbaijan,Journalist,",
            '3,Tuoi Tre,Do Cong Duong,,Imprisoned,,Anti-State,"January or February, 2014",'
            "https://cpj-preprod.go-vip.net/data/people/do-cong-duong/,Vietnam,Journalist,",
        ]
    )
    + "\r\n"
)

CENSUS_HEADER = (
    "Year,fullName,primaryNationality,gender,photoUrl,type,typeOfDeath,status,employedAs,"
    "organizations,jobs,coverage,mediums,country,location,region,state,locality,province,"
    "localOrForeign,sourcesOfFire,motiveConfirmed,impunityMurder,tortured,captive,threatened,"
    "charges,lengthOfSentence,impCountry,sentence,locationImprisoned"
)


def _census_row(year, name, country, charges, sentence, status="Imprisoned"):
    return (
        f'{year},{name},,Male,,Journalist,N/A,{status},Staff,Org,Reporter,"Politics,Corruption",'
        f'"Internet, Print",{country},,,,,,Local,,,,,,,"{charges}",,,{sentence},'
    )


CENSUS = (
    "\r\n".join(
        [
            CENSUS_HEADER,
            _census_row(2017, "Afgan Mukhtarli", "Azerbaijan", "Retaliatory", "Not Sentenced"),
            _census_row(2018, "Afgan Mukhtarli", "Azerbaijan", "Retaliatory", "6 years"),
            _census_row(2018, "Someone\xa0Else", "Azerbaijan", "No Charge", "Not sentenced"),
            _census_row(2018, "A Reporter", "Turkey", "Anti-state,Ethnic/Religious Insult", ""),
            _census_row(2018, "Killed Person", "Mexico", "", "", status="Killed"),
        ]
    )
    + "\r\n"
)

KILLINGS = (
    "\n".join(
        [
            API_HEADER,
            '0,Radio Azadi,Abadullah Hananzai,Kabul,Killed,Murder,,"April 30, 2018",'
            "https://cpj.org/data/people/abadullah-hananzai/,Afghanistan,Journalist,Confirmed",
            '1,Al-Aqsa TV,A Driver,Gaza,Killed,,,"October 2015 - June 2016",'
            "https://cpj.org/data/people/a-driver/,Israel and the Occupied Palestinian Territory,"
            "Media Worker,",
            '2,Paper,Dropped Later,Gaza,Killed,Crossfire,,"October 9, 2023",'
            "https://cpj.org/data/people/dropped-later/,"
            "Israel and the Occupied Palestinian Territory,"
            "Journalist,Confirmed",
            '3,Paper,Still Unclear,Cali,Killed,Unknown,,"Unknown in 2002",'
            "https://cpj.org/data/people/still-unclear/,Colombia,Journalist,Unconfirmed",
        ]
    )
    + "\n"
)

FULL_HEADER = (
    "year,combinedStatus,fullName,sortName,primaryNationality,secondaryNationality,"
    "tertiaryNationality,gender,photoUrl,photoCredit,type,lastStatus,typeOfDeath,status,"
    "employedAs,organizations,jobs,coverage,mediums,country,location,region,state,locality,"
    "province,localOrForeign,sourcesOfFire,motiveConfirmed,accountabilityCrossfire,"
    "accountabilityAssignment,impunityMurder,tortured,captive,threatened,charges,motive,"
    "lengthOfSentence,healthProblems,impCountry,entry,sentenceDate,sentence,locationImprisoned"
)


def _full_row(year, name, country, gender, fire, impunity):
    cells = [
        str(year),
        "Confirmed",
        name,
        "",
        "",
        "",
        "",
        gender,
        "",
        "",
        "Journalist",
        "",
        "Murder",
        "Killed",
        "Staff",
        "Radio Azadi",
        "Broadcast Reporter",
        "Politics,War",
        "Radio, Internet",
        country,
        "Kabul",
        "",
        "",
        "",
        "",
        "Local",
        fire,
        "Confirmed",
        "",
        "",
        impunity,
        "No",
        "No",
        "Yes",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ]
    return ",".join(f'"{c}"' if c else "" for c in cells)


# CPJ's 43-column export: quoted header and values, CRLF, no profile URL; two
# "Unidentified" people in one country-year, who cannot be told apart by name.
FULL_EXPORT = (
    "\r\n".join(
        [
            FULL_HEADER,
            _full_row(
                2018,
                " Abadullah Hananzai",
                "Afghanistan",
                "Male",
                "Political Group,  Unknown",
                "Complete Impunity",
            ),
            _full_row(2002, "Unidentified", "Colombia", "", "", ""),
            _full_row(2002, "Unidentified", "Colombia", "", "", ""),
        ]
    )
    + "\r\n"
)

PEOPLE_LIST = (
    "\n".join(
        [
            'Name,Status,Date,Country,"Journalist or Media Worker",Motive,"Type of Death",'
            '"cpj.org URL"',
            '"Abadullah Hananzai",Killed,"April 30, 2018",Afghanistan,'
            '"Radio Azadi,Radio Free Europe/Radio Liberty",Confirmed,Murder,'
            "https://cpj.org/data/people/abadullah-hananzai/",
            '"New Case",Killed,"September 10, 2025",Yemen,"26 September, Yemen",Confirmed,'
            '"Crossfire / Combat Related",https://cpj.org/data/people/new-case/',
        ]
    )
    + "\n"
)

API_DUMP = json.dumps(
    [
        {
            "fullName": "Abadullah Hananzai",
            "organizations": "Radio Azadi",
            "location": "Afghanistan",
            "status": "Killed",
            "typeOfDeath": "Murder",
            "startDisplay": "April 30, 2018",
            "mtpage": "https://cpj.org/data/people/abadullah-hananzai/",
            "type": "Journalist",
            "motiveConfirmed": "Confirmed",
            "charges": None,
        },
    ]
)

MISSING = (
    "\n".join(
        [
            API_HEADER,
            '0,Lita-M,Yelena Petrova,Chechnya,Missing,,,"August 11, 1996",'
            "https://cpj.org/data/people/yelena-petrova/,Russia,Journalist,",
        ]
    )
    + "\n"
)

GAP_PRISON = "country,time,journaprison\naze,2018,10\ntur,2018,68\naze,2023,5\n"
GAP_PRISON_WORLD = "global,time,journaprison\nworld,2018,80\nworld,2023,22\n"

CONFIRMATIONS = "census_name,iso3,year,case_id,decision,note\n"

FILES = {
    cpj.IMPRISONED: IMPRISONED,
    cpj.CENSUS: CENSUS,
    cpj.KILLINGS: KILLINGS,
    cpj.FULL_EXPORT: FULL_EXPORT,
    cpj.PEOPLE_LIST: PEOPLE_LIST,
    cpj.API_DUMP: API_DUMP,
    cpj.MISSING: MISSING,
    cpj.GAP_PRISON: GAP_PRISON,
    cpj.GAP_PRISON_WORLD: GAP_PRISON_WORLD,
    cpj.CONFIRMATIONS: CONFIRMATIONS,
}


def fetched(name: str, text: str | None = None) -> Fetched:
    return fake_fetched(name, (FILES[name] if text is None else text).encode("utf-8"))


def tables(**overrides: str):
    """Parse and harmonise the fixture set (with some files replaced)."""
    frames = {name: cpj.parse(fetched(name, overrides.get(name))) for name in FILES}
    return cpj.harmonise(frames)
