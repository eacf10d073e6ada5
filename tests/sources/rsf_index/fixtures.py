"""Small raw RSF files written for the tests, each reproducing one era's quirks.

Values are taken from the real editions where a real row shows the quirk, but
the files are tiny and built here, so parser tests run without the mirror.
"""

from __future__ import annotations

OLD_HEADER = (
    "Year (N);ISO;Rank N;Score N;Score N without the exactions;Score N with the exactions;"
    "Score exactions;Rank N-1;Score N-1;Rank evolution;FR_country;EN_country;ES_country;"
    "AR_country;FA_country;Zone"
)
NEW_HEADER_2024 = (
    "ISO;Score;Rank;Political Context;Rank_Pol;Economic Context;Rank_Eco;Legal Context;"
    "Rank_Leg;Social Context;Rank_Soc;Safety;Rank_Saf;Situation;Zone;Country_FR;Country_EN;"
    "Country_ES;Country_PT;Country_AR;Country_FA;Year (N);Rank N-1;Rank evolution;"
    "Score N-1;Score evolution"
)
NEW_HEADER_2025 = NEW_HEADER_2024.replace("Score;", "Score 2025;", 1).replace("Situation;", "")


def double_encoded(text: str) -> bytes:
    """UTF-8 text decoded as Latin-1 and re-encoded, as in RSF's 2002–2021 files."""
    return text.encode("utf-8").decode("latin-1").encode("utf-8")


def old_era(label: str, rows: list[tuple[str, str, str, str, str]]) -> bytes:
    """rows: (iso, rank, score as printed, English name, zone)."""
    lines = [OLD_HEADER]
    for iso, rank, score, name, zone in rows:
        names = f"{name} (fr);{name};{name} (es);الدنمارك;دانمارک"  # Arabic makes NELs
        lines.append(f"{label};{iso};{rank};{score};;;;;;;{names};{zone}")
    return double_encoded("\n".join(lines) + "\n")


# 2008: separators lost, three-way tie at the top, mojibake with NEL characters.
FILE_2008 = old_era(
    "2008",
    [
        ("ISL", "1", "15", "Iceland", "UE Balkans"),
        ("LUX", "1", "15", "Luxembourg", "UE Balkans"),
        ("NOR", "1", "15", "Norway", "UE Balkans"),
        ("CIV", "4", "2", "Côte d'Ivoire", "Afrique"),
        ("AZE", "5", "5363", "Azerbaijan", "EEAC"),
        ("XKO", "6", "60", "Kosovo", "UE Balkans"),
    ],
)
# 2011-12 edition: label "2011-12", negative scores on the old scale.
FILE_2012 = old_era(
    "2011-12",
    [
        ("FIN", "1", "-10", "Finland", "UE Balkans"),
        ("EST", "2", "-9", "Estonia", "UE Balkans"),
        ("DNK", "3", "-567", "Denmark", "UE Balkans"),
        ("AZE", "4", "8725", "Azerbaijan", "EEAC"),
        ("USA2", "5", "14067", "United States (US territory)", "Amériques"),
    ],
)
# 2009: decimal commas kept, so bare integers are integers.
FILE_2009 = old_era(
    "2009",
    [
        ("DNK", "1", "0", "Denmark", "UE Balkans"),
        ("AZE", "2", "53,5", "Azerbaijan", "EEAC"),
        ("IRN", "3", "104,1428571", "Iran", "MENA"),
    ],
)


def _new_row(iso, score, rank, indicators, extra_before_zone, zone, fr, en, tail):
    cells = [iso, score, rank]
    for value, indicator_rank in indicators:
        cells += [value, indicator_rank]
    return ";".join([*cells, *extra_before_zone, zone, fr, en, *tail])


# 2024: UTF-8, Situation column, Country_FR before Country_EN, Score evolution with comma.
FILE_2024 = (
    "\n".join(
        [
            NEW_HEADER_2024,
            _new_row(
                "NOR",
                "9189",
                "1",
                [("9487", "1"), ("8984", "1"), ("895", "2"), ("9048", "1"), ("9474", "1")],
                ["Bonne situation"],
                "UE Balkans",
                "Norvège",
                "Norway",
                ["Noruega", "Noruega ", "النرويج", "نروژ", "2024", "1", "0", "9518", "-3,29"],
            ),
            _new_row(
                "CIV",
                "6424",
                "2",
                [("5606", "2"), ("4436", "2"), ("80", "3"), ("7263", "2"), ("83", "2")],
                ["Situation problématique"],
                "Afrique",
                "Côte d'Ivoire",
                "Côte d'Ivoire",
                [
                    "Costa de Marfil",
                    "Costa do Marfim ",
                    "ساحل",
                    "ساحل",
                    "2024",
                    "2",
                    "0",
                    "6666",
                    "-2,42",
                ],
            ),
            _new_row(
                "AZE",
                "2799",
                "3",
                [("1708", "3"), ("2006", "3"), ("2571", "4"), ("3007", "3"), ("4609", "3")],
                ["Situation très grave"],
                "EEAC",
                "Azerbaïdjan",
                "Azerbaijan",
                [
                    "Azerbaiyán",
                    "Azerbaijão ",
                    "أذربيجان",
                    "آذربایجان",
                    "2024",
                    "3",
                    "0",
                    "3993",
                    "-11,94",
                ],
            ),
        ]
    )
    + "\n"
).encode("utf-8")

# 2025: Windows-1252, "Score 2025" header, a value with three implied decimals, Arabic as "?".
FILE_2025 = (
    "\n".join(
        [
            NEW_HEADER_2025,
            _new_row(
                "NOR",
                "9231",
                "1",
                [("9622", "1"), ("8833", "1"), ("9159", "1"), ("9024", "1"), ("9436", "1")],
                [],
                "UE Balkans",
                "Norvège",
                "Norway",
                ["Noruega", "Noruega ", "??????", "????", "2025", "1", "0", "9189", "0,42"],
            ),
            _new_row(
                "CIV",
                "65487",
                "2",
                [("5", "2"), ("41274", "2"), ("44079", "2"), ("71364", "2"), ("43721", "2")],
                [],
                "Afrique",
                "Côte d'Ivoire",
                "Côte d'Ivoire",
                [
                    "Costa de Marfil",
                    "Costa do Marfim ",
                    "??",
                    "??",
                    "2025",
                    "2",
                    "0",
                    "6424",
                    "1,247",
                ],
            ),
        ]
    )
    + "\n"
).encode("cp1252")
