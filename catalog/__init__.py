"""The LLM catalog: data, identity and matching. Never imports discord or bot."""
