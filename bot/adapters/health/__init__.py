"""Health and metrics over HTTP for an operator (off by default): liveness, readiness, Prometheus text."""
