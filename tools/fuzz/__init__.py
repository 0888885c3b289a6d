"""``python -m tools.fuzz``: hostile chat messages and model names through the real paths, on the shipped catalog.

Issue 17's "Done when": 0 crashes, 0 payloads over Discord's limits, 0 pings, no single message over 50 ms CPU,
and every regular expression on user text linear. ``inputs`` makes the seeded inputs, ``run`` drives and checks.
"""
