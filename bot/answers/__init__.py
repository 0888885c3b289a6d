"""Pure domain answers (no discord): comparison reports, FAQ answers, cost estimates, filters, procurement data.

May import ``catalog`` only; never render, flows, state or adapters.
"""
