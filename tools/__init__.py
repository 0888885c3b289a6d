"""Developer tools: benchmarks and evaluations, run as ``python -m tools.<name>``. Never imported by ``bot`` or
``catalog`` (the architecture test checks)."""
