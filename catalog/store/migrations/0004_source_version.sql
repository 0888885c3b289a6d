-- A source's own release (LiteLLM 1.110.2, a genai-prices commit), shown beside its data date.
ALTER TABLE sources ADD COLUMN version TEXT;
