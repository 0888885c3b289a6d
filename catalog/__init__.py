"""The LLM catalog: sources -> identity -> store, and matching over the loaded models. Never imports discord or bot.

``build``/``refresh`` run the pipeline, ``service`` loads a built catalog for the bot, ``models`` and ``errors``
are shared by every part.
"""
