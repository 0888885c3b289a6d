"""Storage: the one place SQL runs. The catalog database (``db``), its numbered migrations, shared SQLite helpers
(``sqlite``) and price history (``history``).

May import ``catalog.models``; never sources, identity, matching or ``bot``.
"""
