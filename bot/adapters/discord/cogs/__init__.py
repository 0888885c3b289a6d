"""Thin discord.py adapters: transformer -> flow -> reply -> send. Each module has ``async def setup(bot)``."""
