"""Cases documented by publishers other than CPJ, each fact with its source and quoted sentence."""
