"""Latent Human Rights Protection Scores (Fariss et al.): the dataset's description."""

from __future__ import annotations

from etl.countries import EXISTENCE_FLAG, EXISTENCE_TALLY
from etl.model import Column, Dataset, Measure, OnMap, Panel, entity_columns

TITLE = "Human Rights Protection Scores"  # the source's short name, for source lines

VERSION = "v4.02"  # the file's version: theta is re-estimated, and rescaled, in each version
LATENT = (
    "on the model's latent scale (about -3.5 to +5.5 in " + VERSION + ", 0 near the mean of "
    "all country-years); higher is better: more respect for physical-integrity rights"
)
HRPS = Dataset(
    name="hrps",
    title=f"Latent Human Rights Protection Scores {VERSION} (Fariss et al.), 1946–2021",
    description=(
        "A Bayesian latent-variable estimate of each government's respect for physical-"
        "integrity rights (freedom from torture, political killing, disappearance and "
        "political imprisonment), combining CIRI, the Political Terror Scale (Amnesty, State "
        "Department and HRW codings), ITT, Hathaway's torture data, UCDP one-sided killings "
        "and the genocide, politicide and mass-killing lists; with the posterior standard "
        "deviation and 95% interval of each estimate."
    ),
    publisher="Christopher J. Fariss et al., Human Rights Protection Scores",
    homepage="https://github.com/CJFariss/Human-Rights-Latent-Variable",
    source_urls=(
        "https://raw.githubusercontent.com/CJFariss/Human-Rights-Latent-Variable/"
        "bfd5e726ac17702cf21cbcb7a40864ed5d82d0e7/LHRS-v4.02-2021_names.csv "
        f"({VERSION}; also Harvard Dataverse, Human Rights Scores version 4, "
        "doi:10.7910/DVN/RQ85GK)",
    ),
    licence="CC BY-NC-SA 3.0 US (Human Rights Protection Scores data, as the v3 README in the "
    "author's repository states; assumed for v4.02): attribution, non-commercial, share-alike",
    licence_url="https://creativecommons.org/licenses/by-nc-sa/3.0/us/",
    attribution=f"Source: Fariss et al., Human Rights Protection Scores {VERSION}",
    citation=(
        "Fariss, Christopher J. 2019. Yes, Human Rights Practices Are Improving Over Time. "
        "American Political Science Review 113(3): 868–881. Fariss, Christopher J., Michael "
        "R. Kenwick, and Kevin Reuning. 2020. Estimating One-Sided-Killings from a Robust "
        "Measurement Model of Human Rights. Journal of Peace Research 57(6): 801–814. Data: "
        f"Latent Human Rights Protection Scores {VERSION} (1946–2021), "
        "https://github.com/CJFariss/Human-Rights-Latent-Variable; cite also the component "
        "sources (CIRI, PTS, ITT, UCDP, …) as the repository's README files list them."
    ),
    primary_key=("entity", "year"),
    redistribution="attribution-non-commercial",
    columns=(
        *entity_columns("country_name"),
        Column(
            "cow",
            "integer",
            "Correlates of War country code, the file's own key (its names are generated from it).",
            minimum=1,
            maximum=999,
            source_column="COW",
        ),
        Column(
            "theta_mean",
            "number",
            "Human rights protection score: posterior mean of the latent variable, " + LATENT + ".",
            unit="latent",
            minimum=-10,
            maximum=10,
            source_column="theta_mean",
            direction="higher is better",
        ),
        Column(
            "theta_sd",
            "number",
            "Posterior standard deviation of the score (its uncertainty).",
            unit="latent",
            minimum=0,
            maximum=10,
            source_column="theta_sd",
        ),
        Column(
            "theta_q025",
            "number",
            "Lower bound of the score's 95% posterior interval (2.5th percentile).",
            unit="latent",
            minimum=-10,
            maximum=10,
            source_column="theta_q025",
        ),
        Column(
            "theta_q975",
            "number",
            "Upper bound of the score's 95% posterior interval (97.5th percentile).",
            unit="latent",
            minimum=-10,
            maximum=10,
            source_column="theta_q975",
        ),
        EXISTENCE_FLAG,
    ),
    integrity=(EXISTENCE_TALLY,),
    notes=(
        f"Version {VERSION} (estimates to 2021). The scale is relative and re-estimated in "
        "each version (v2, v3, v4.01 and v4.02 are not interchangeable): compare values only "
        "within one version.",
        "Opposite orientation to the Political Terror Scale, one of its inputs: a higher "
        "score means more respect for human rights, a higher PTS level more terror.",
        "Country names are generated from Correlates of War codes, one name per code, and the "
        "units are COW's: 'Russia' (365) covers the Soviet Union before 1992, 'Yugoslavia' "
        "(345) runs 1946–2018 (Serbia after 2006, in COW's coding), former Soviet republics "
        "start in 1985.",
        "Five units keep a blank iso3 (kept in the dataset, not drawn on the map): Yugoslavia "
        "(COW 345: the federation, then Serbia and Montenegro, then Serbia; no one ISO code "
        "covers it), the German Federal Republic and the Yemen Arab Republic (each scored in "
        "1990 beside unified Germany and Yemen, so neither can take DEU or YEM), the Republic "
        "of Vietnam and Zanzibar.",
        "The PTS Amnesty input is missing for 2013 (no Amnesty report coded that year); the "
        "score is still estimated from the other inputs.",
    ),
)

# What this package publishes, in the order the data package lists it.
DATASETS = (HRPS,)

THETA = Measure(
    "hrps",
    HRPS,
    "theta_mean",
    "Human rights protection score (Fariss et al.; higher is better)",
    "score",
    on_map=OnMap("hrps", "scale"),
)
MEASURES = (THETA,)
PANELS = (
    Panel(
        f"Human rights protection score, Fariss et al. {VERSION} (latent; higher is better)",
        MEASURES,
        order=55,  # after the Political Terror Scale (50), one of its inputs
    ),
)
