"""Rendering: answers -> Discord payloads (embeds) or plain text (console, CLI)."""
