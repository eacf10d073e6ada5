"""Former home of the dashboard's data helpers, kept only as re-exports for
tests/test_cpj_dataset.py (an ETL-side test, edited by the ETL's maintainers): remove this
file once that test imports `cpj_census.latest_census` and `case_filter.CaseFilter` /
`case_filter.filter_cases` directly. Nothing in dashboard/ imports it."""

from dashboard.case_filter import CaseFilter, filter_cases
from dashboard.cpj_census import latest_census

__all__ = ["CaseFilter", "filter_cases", "latest_census"]
