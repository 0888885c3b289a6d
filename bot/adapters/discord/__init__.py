"""The Discord adapter: client (setup, sync, error funnel), cogs (slash commands, chat listener), context."""
