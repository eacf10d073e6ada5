"""The country crosswalk (etl/reference/), published as the `countries` dataset."""
