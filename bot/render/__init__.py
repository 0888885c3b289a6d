"""Rendering: answers -> Discord payloads (embeds, views, files, within ``bot.limits``) or plain text.

May import ``bot.answers``, ``bot.limits`` and ``catalog.models``; never flows, state or adapters.
"""
