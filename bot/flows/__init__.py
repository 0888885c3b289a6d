"""Flows: one per command, shared by every adapter (Discord, console, CLI): handler -> render -> ``Reply``.

May import ``bot.answers``, ``bot.render``, ``bot.state`` and ``catalog``; never an adapter.
"""
