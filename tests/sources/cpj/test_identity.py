"""One person is one case, on CPJ's real exports: profiles CPJ renamed between exports are
merged, records CPJ really dropped stay reclassified, and garbled text is repaired or flagged."""

import pandas as pd
import pytest

from etl.names import loose_key
from etl.sources.cpj import garbled, meta, renamed
from etl.sources.cpj import steps as cpj
from tests.conftest import MIRROR, fetched

needs_cpj_mirror = pytest.mark.skipif(
    MIRROR is None or not (MIRROR / "cpj").is_dir(),
    reason="raw-source mirror not found (set PRESSFREEDOM_MIRROR or place ../shared/sources)",
)

DATA_MANAGER = meta.EXPORTS["data manager"]
# Every renamed profile in the exports at hand: (old slug of 2024-07, slug since 2025).
RENAMED = {
    "carlos-dominguez-rodriguez": "carlos-dominguez",
    "jean-leonard-rugambage": "jean-leonard-rugambage-3",
    "mostafa-el-sawaf": "mostafa-al-sawaf",
    "nikolai-andrushchenko": "nikolai-andrushchenko-2",
}


@pytest.fixture(scope="module")
def tables():
    def content(raw):  # curated inputs sit beside the package, raw files in the mirror
        return (raw.local or MIRROR / "cpj" / raw.name).read_bytes()

    frames = {raw.name: cpj.parse(fetched(raw.name, content(raw))) for raw in cpj.RAW_FILES}
    return cpj.harmonise(frames)


@pytest.fixture(scope="module")
def cases(tables):
    return tables["cpj_cases"]


@needs_cpj_mirror
def test_exactly_the_renamed_profiles_are_merged(cases):
    merged = cases[cases["profile_check"] == meta.PROFILE_MERGED]
    assert dict(zip(merged["former_person_ids"], merged["person_id"], strict=True)) == {
        f"{old} ({DATA_MANAGER})": new for old, new in RENAMED.items()
    }


@needs_cpj_mirror
@pytest.mark.parametrize(("old", "new"), RENAMED.items())
def test_a_renamed_person_is_one_confirmed_case(cases, old, new):
    assert old not in set(cases["person_id"])
    (case,) = cases[(cases["person_id"] == new) & (cases["status"] == "killed")].itertuples()
    assert case.motive == "confirmed"
    assert case.sources.split("; ")[-1] == DATA_MANAGER  # the old slug's export, traceable


@needs_cpj_mirror
def test_carlos_dominguez_keeps_what_only_his_old_profile_had(cases):
    carlos = cases.set_index("person_id").loc["carlos-dominguez"]
    assert carlos["name"] == "Carlos Domínguez"  # the newest export's spelling
    assert carlos["location"] == "Nuevo Laredo"
    assert carlos["impunity"] == "Complete Impunity"  # filed under "Carlos Domínguez Rodríguez"


@needs_cpj_mirror
@pytest.mark.parametrize(
    "slug", ["aysel-malkac", "ahmed-fatima", "salma-mkhaimer", "abdullah-darwish"]
)
def test_records_cpj_dropped_stay_reclassified(cases, slug):
    case = cases.set_index("person_id").loc[slug]
    assert case["motive"] == "reclassified"
    assert pd.isna(case["profile_check"])


@needs_cpj_mirror
def test_reclassified_records_are_no_longer_renamed_profiles(cases):
    assert (cases["motive"] == "reclassified").sum() == 11 - len(RENAMED)


@needs_cpj_mirror
def test_alike_names_on_other_dates_are_flagged_not_merged(cases):
    flagged = cases[cases["profile_check"] == meta.PROFILE_TO_REVIEW].set_index("person_id")
    assert flagged["possible_person_ids"].to_dict() == {
        "mohamed-abu-skheil": "mohamed-el-sayed-abu-skheil",  # media worker, March 28, 2024
        "mohamed-el-sayed-abu-skheil": "mohamed-abu-skheil",  # journalist, March 18, 2024
    }


@needs_cpj_mirror
def test_killed_counts_count_a_renamed_person_once(tables):
    counts = tables["cpj_killed_counts"].set_index(["iso3", "year", "role", "motive"])["killed"]
    # the five of CPJ's 2026 list, Carlos Domínguez among them, and no sixth record
    assert counts[("MEX", 2018, "journalist", "confirmed")] == 5
    assert ("MEX", 2018, "journalist", "reclassified") not in counts.index
    assert ("RUS", 2017, "journalist", "reclassified") not in counts.index


@needs_cpj_mirror
@pytest.mark.parametrize(
    ("slug", "column", "text", "quality"),
    [
        ("jin-andi", "location", "Xi’an, Shaanxi", "text repaired from cpj-person-years-2020"),
        ("sadik-demir", "location", "Şanlıurfa", "text repaired from cpj-person-years-2020"),
        ("a%c2%81ngel-mario-ksheratto", "name", "Ángel Mario Ksheratto", meta.TEXT_REDECODED),
        ("johnny-kasongo", "organizations", "Radio Télévision Véritas", meta.TEXT_REDECODED),
        (
            "bobomurod-abdullaev",
            "organizations",
            "Fergana; Radio Free Europe/Radio Liberty",
            meta.TEXT_REDECODED,
        ),
    ],
)
def test_garbled_text_is_repaired_and_flagged(cases, slug, column, text, quality):
    case = cases.set_index("person_id").loc[slug]
    assert (case[column], case["text_quality"]) == (text, quality)


@needs_cpj_mirror
def test_no_garbled_text_is_left_unflagged(tables):
    cases = tables["cpj_cases"]
    assert cases["text_quality"].value_counts().to_dict() == {
        meta.TEXT_REDECODED: 6,
        meta.TEXT_REPAIRED_FROM.format(meta.EXPORTS["census"]): 2,
    }
    for name in ("cpj_cases", "cpj_case_values", "cpj_census_people"):
        table = tables[name]
        texts = table.select_dtypes(exclude="number").stack().dropna().astype(str)
        assert not texts.map(garbled.looks_garbled).any(), name
    assert "Ángel Mario Ksheratto" in set(tables["cpj_census_people"]["name"])


@pytest.mark.parametrize(
    ("old", "new", "same"),
    [
        ("Carlos Domínguez Rodríguez", "Carlos Domínguez", True),  # a second surname dropped
        ("Mostafa El Sawaf", "Mostafa Al Sawaf", True),  # the article spelt two ways
        ("Jean-Léonard Rugambage", "Jean Léonard Rugambage", True),
        ("Ahmad [full name unavailable]", "Ahmad Kareem", False),  # a given name alone
        ("Mohamed Abu Skheil", "Mohamed El Sayed Abu Skheil", True),  # the date must decide
        ("Mohammed Balousha", "Mohammad Balousha", False),  # alike, not the same
    ],
)
def test_same_name_on_cpj_spellings(old, new, same):
    assert renamed.same_name(loose_key(old), loose_key(new)) is same


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("Xi‚Äôan, Shaanxi", "Xi’an, Shaanxi"),  # UTF-8 read as Mac Roman (CPJ's files)
        ("Ã\x81ngel Mario Ksheratto", "Ángel Mario Ksheratto"),  # read as Latin-1
        ("Ã‰douard", "Édouard"),  # read as cp1252
        ("\u00e2\u20ac\u0153news\u00e2\u20ac\x9d", None),  # 0x9D is not cp1252: guesswork
        ("Şanlıurfa", None),  # clean
    ],
)
def test_redecoding_only_when_exact(text, repaired):
    assert garbled.redecoded(text) == repaired
