"""Adapters: the ways a person reaches the bot (Discord, the console, the CLI).

Each adapter parses its own input, calls a flow and sends the ``Reply``. Adapters import flows, render, state and
settings; they never import each other (``bot.__main__`` is the only place that wires them).
"""
