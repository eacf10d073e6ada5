"""The Latent Human Rights Protection Scores (Fariss et al.), version 4.02."""
