"""One package per source: `meta.py` describes what it publishes (the registry gathers
these, in `etl/registry.py`), `steps.py` fetches, parses, harmonises and validates."""
