"""The bot's Prometheus metrics, in one registry of their own (not the process-global default registry, so tests
and several bots in one process never collide). Names follow Prometheus conventions: ``_total`` counters,
``_seconds`` histograms and gauges in base units."""

from __future__ import annotations

from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

#: Seconds: interactions must be acknowledged within 3 s; answers should take milliseconds.
_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


@dataclass
class Metrics:
    """Every metric the bot exposes on ``/metrics``."""

    registry: CollectorRegistry = field(default_factory=CollectorRegistry)

    def __post_init__(self) -> None:
        r = self.registry
        self.commands = Counter(
            "llmbot_commands_total", "Slash commands completed, by command", ["command"], registry=r
        )
        self.command_seconds = Histogram(
            "llmbot_command_seconds", "From the interaction's creation to the command's completion", ["command"],
            buckets=_BUCKETS, registry=r,
        )  # fmt: skip
        self.answers = Counter("llmbot_answers_total", "Chat answers sent, by kind of question", ["kind"], registry=r)
        self.answer_seconds = Histogram(
            "llmbot_answer_seconds", "Time to work out a chat answer (text to reply)", buckets=_BUCKETS, registry=r
        )
        self.errors = Counter("llmbot_errors_total", "Errors a user was told about, by where", ["where"], registry=r)
        self.guilds = Gauge("llmbot_guilds", "Servers the bot is in", registry=r)
        self.shard_latency = Gauge(
            "llmbot_shard_latency_seconds", "Gateway heartbeat latency, by shard", ["shard"], registry=r
        )
        self.catalog_age = Gauge(
            "llmbot_catalog_age_seconds", "Age of the newest source date in the loaded catalog", registry=r
        )
        self.catalog_models = Gauge("llmbot_catalog_models", "Models in the loaded catalog", registry=r)
        self.ready = Gauge("llmbot_ready", "1 when the gateway, catalog and state database are all ready", registry=r)


__all__ = ["Metrics"]
