"""The Committee to Protect Journalists' records: imprisoned, killed and missing
journalists, and the prison census."""
