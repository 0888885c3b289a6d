"""Per-server state (traffic profiles, shortlists, digest channels, cooldowns) behind one store.

May import ``bot.answers`` (the traffic profile model) and ``catalog.store.sqlite``; never render, flows or adapters.
"""
