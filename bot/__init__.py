"""The Discord bot: adapters (Discord, console, CLI) -> flows -> answers (pure) -> catalog; render and state
are used by flows. ``__main__`` wires settings, logging, catalog, state and one adapter.
"""
