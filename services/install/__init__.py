"""Setting up an installation: the seed, the demo, counts."""
