"""Chat questions as a team asks them: a parsed query (models, asks, traffic, providers), the channel's memory
for follow-ups, and answers that take every part in turn."""
