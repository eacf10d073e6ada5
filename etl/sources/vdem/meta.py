"""V-Dem: the dataset's description."""

from __future__ import annotations

from etl.countries import EXISTENCE_FLAG, EXISTENCE_TALLY
from etl.model import Column, Dataset, Measure, OnMap, Panel, entity_columns

TITLE = "V-Dem"  # the source's short name, for source lines naming several

VDEM_LATENT = (
    "V-Dem measurement-model estimate on a latent scale (roughly -4 to +4, 0 near "
    "the mean of all country-years); higher is better"
)
VDEM = Dataset(
    name="vdem",
    title="V-Dem v14: media freedom and repression indicators, 1970–2023",
    description=(
        "Expert-coded indicators from the Varieties of Democracy project: government media "
        "censorship, harassment of journalists, media self-censorship, internet censorship, "
        "critical media, the freedom of expression index, physical integrity and CSO "
        "repression."
    ),
    publisher="V-Dem Institute (Varieties of Democracy)",
    homepage="https://www.v-dem.net/data/the-v-dem-dataset/",
    source_urls=(
        "https://www.v-dem.net/data/the-v-dem-dataset/ (Country-Year v14, via the "
        "vdemlite extract)",
    ),
    licence="CC BY-SA 4.0: attribution, share-alike (derived data keep the same licence)",
    licence_url="https://creativecommons.org/licenses/by-sa/4.0/",
    attribution="Source: V-Dem v14 (Coppedge et al. 2024)",
    citation=(
        "Coppedge, Michael, John Gerring, et al. 2024. V-Dem Country-Year Dataset v14. "
        "Varieties of Democracy (V-Dem) Project. https://doi.org/10.23696/mcwt-fr58."
    ),
    primary_key=("entity", "year"),
    redistribution="share-alike",
    columns=(
        *entity_columns("country_name"),
        Column(
            "vdem_id",
            "string",
            "V-Dem's own three-letter unit id.",
            source_column="country_text_id",
        ),
        Column(
            "freedom_of_expression",
            "number",
            "Freedom of expression and alternative "
            "sources of information index, 0–1, higher is better.",
            unit="index 0–1",
            minimum=0,
            maximum=1,
            source_column="v2x_freexp_altinf",
            direction="higher is better",
        ),
        Column(
            "media_censorship",
            "number",
            "Government censorship effort – media. " + VDEM_LATENT + " (less censorship).",
            unit="latent",
            minimum=-6,
            maximum=6,
            source_column="v2mecenefm",
            direction="higher is better",
        ),
        Column(
            "journalist_harassment",
            "number",
            "Harassment of journalists. " + VDEM_LATENT + " (less harassment).",
            unit="latent",
            minimum=-6,
            maximum=6,
            source_column="v2meharjrn",
            direction="higher is better",
        ),
        Column(
            "media_self_censorship",
            "number",
            "Media self-censorship. " + VDEM_LATENT + " (less self-censorship).",
            unit="latent",
            minimum=-6,
            maximum=6,
            source_column="v2meslfcen",
            direction="higher is better",
        ),
        Column(
            "internet_censorship",
            "number",
            "Internet censorship effort (coded from 1993). " + VDEM_LATENT + ".",
            unit="latent",
            required=False,
            minimum=-6,
            maximum=6,
            source_column="v2mecenefi",
            direction="higher is better",
        ),
        Column(
            "media_critical",
            "number",
            "Print and broadcast media critical of the government. " + VDEM_LATENT + ".",
            unit="latent",
            minimum=-6,
            maximum=6,
            source_column="v2mecrit",
            direction="higher is better",
        ),
        Column(
            "physical_integrity",
            "number",
            "Physical violence index (freedom from "
            "torture and political killings), 0–1, higher is better.",
            unit="index 0–1",
            minimum=0,
            maximum=1,
            source_column="v2x_clphy",
            direction="higher is better",
        ),
        Column(
            "cso_repression",
            "number",
            "CSO repression. " + VDEM_LATENT + " (less repression).",
            unit="latent",
            minimum=-6,
            maximum=6,
            source_column="v2csreprss",
            direction="higher is better",
        ),
        EXISTENCE_FLAG,
    ),
    integrity=(EXISTENCE_TALLY,),
    notes=(
        "Point estimates only; V-Dem re-estimates the whole series each release, so values "
        "are tied to version 14.",
        "V-Dem's 'Palestine/West Bank' unit carries the code PSE and is matched to Palestine; "
        "'Palestine/Gaza', Somaliland, Zanzibar and the Republic of Vietnam keep a blank iso3.",
    ),
)

# What this package publishes, in the order the data package lists it.
DATASETS = (VDEM,)

MEASURES = tuple(
    Measure(
        f"vdem_{key}",
        VDEM,
        column,
        f"V-Dem: {label}",
        "score",
        on_map=OnMap(f"vdem_{key}", "scale"),
    )
    for key, column, label in (
        ("harassment", "journalist_harassment", "harassment of journalists"),
        ("censorship", "media_censorship", "government media censorship effort"),
        ("self_censorship", "media_self_censorship", "media self-censorship"),
        ("expression", "freedom_of_expression", "freedom of expression index (0–1)"),
    )
)
PANELS = (
    Panel(
        "V-Dem media indicators, latent scale (higher is better: less harassment, censorship, "
        "self-censorship)",
        MEASURES[:3],
        order=90,
    ),
)
