"""RSF's World Press Freedom Index, every edition since 2002."""
