"""The Political Terror Scale (Amnesty, HRW and State Department codings)."""
