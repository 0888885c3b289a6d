"""The cost chart: monthly cost vs traffic at each model's headline price (matplotlib, PNG bytes)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # no display; must run before pyplot is imported
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

from bot.answers.costs import CostEstimate, TrafficProfile, estimate_route
from catalog.models import Model

CHART_NAME = "cost.png"
#: Requests per month along the x axis (log scale), bracketing the profile's own traffic.
_SCALE = (0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100)


def cost_chart(models: list[Model], estimates: list[CostEstimate], profile: TrafficProfile) -> bytes | None:
    """PNG of monthly cost vs requests/month per model (headline route at the profile); None if none priced."""
    base = max(profile.requests_per_month, 1000)
    xs = [int(base * f) for f in _SCALE]
    fig, ax = plt.subplots(figsize=(7, 3.6), dpi=100)
    plotted = 0
    for model, est in zip(models, estimates, strict=True):
        if est.headline is None:
            continue
        route = next(
            r
            for r in model.routes
            if r.provider_id == est.headline.provider_id and r.provider_model_id == est.headline.provider_model_id
        )
        points = []
        for x in xs:
            cost = estimate_route(route, profile.model_copy(update={"requests_per_month": x})).per_month
            if cost is not None and cost > 0:  # log axes: a $0 point cannot be drawn
                points.append((x, float(cost)))
        if not points:
            continue
        label = f"{model.name} via {est.headline.provider_name}"
        ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", markersize=3, label=label)
        plotted += 1
    if not plotted:
        plt.close(fig)
        return None
    ax.axvline(profile.requests_per_month or base, color="grey", linestyle=":", linewidth=1, label="your traffic")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(_dollars))
    ax.xaxis.set_major_formatter(FuncFormatter(_count))
    ax.set_xlabel("requests per month")
    ax.set_ylabel("USD per month")
    ax.set_title(f"{profile.input_tokens:,} in + {profile.output_tokens:,} out tokens per request", fontsize=9)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


def _dollars(value: float, _pos: int) -> str:
    return f"${value:,.0f}" if value >= 1 else f"${value:.2g}"


def _count(value: float, _pos: int) -> str:
    for unit, size in (("B", 1e9), ("M", 1e6), ("k", 1e3)):
        if value >= size:
            return f"{value / size:g}{unit}"
    return f"{value:g}"
