"""An empty page in the dashboard's frame: the floor of a page run (benchmarks/bench.py)."""
