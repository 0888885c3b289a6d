"""Pure domain answers (no discord import): comparison reports, FAQ answers, cost estimates."""
