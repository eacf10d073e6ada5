"""ETL for the press-freedom dashboard: fetch → parse → harmonise → validate → publish."""
