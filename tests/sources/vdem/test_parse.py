"""V-Dem: parsing the raw files, every quirk on a fixture."""

import pandas as pd

from etl.sources.vdem import steps as vdem
from tests.conftest import fetched


def test_vdem_measures_named_from_the_catalog():
    header = (
        "country_name,country_text_id,year,v2x_freexp_altinf,v2mecenefm,v2meharjrn,"
        "v2meslfcen,v2mecenefi,v2mecrit,v2x_clphy,v2csreprss"
    )
    text = header + "\nAzerbaijan,AZE,2023,0.175,-1.945,-0.677,-0.566,,-1.2,0.5,-2.1\n"
    frame = vdem.parse(fetched(vdem.FILE, text.encode()))
    row = frame.iloc[0]
    assert row["journalist_harassment"] == -0.677 and pd.isna(row["internet_censorship"])
