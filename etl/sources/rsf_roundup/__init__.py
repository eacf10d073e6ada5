"""RSF's published round-up figures, each with its URL and quoted sentence."""
