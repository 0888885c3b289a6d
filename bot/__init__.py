"""The Discord bot: adapters (cogs, console, CLI) over pure answer handlers."""
