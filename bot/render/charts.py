"""The cost chart: monthly cost vs traffic at each model's headline price (matplotlib, PNG bytes).

Drawing takes hundreds of milliseconds, so it never runs on the event loop: replies carry the chart as a lazy
``Attachment`` drawn in a worker thread when the page that shows it is sent (``chart_attachment``). The object
API (``Figure``) is used, not pyplot, because pyplot's global figure registry is not thread-safe; matplotlib is
imported on first draw, so a process that never draws never pays for the import. Charts are cached per (models,
routes, traffic): paging back to the cost page, or a teammate's identical /compare, does not redraw.
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from bot.answers.costs import CostEstimate, TrafficProfile, estimate_route
from bot.render.reply import Attachment
from catalog.models import Model, Route

if TYPE_CHECKING:
    from matplotlib.axes import Axes

CHART_NAME = "cost.png"
#: Requests per month along the x axis (log scale), bracketing the profile's own traffic.
_SCALE = (0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100)
#: Charts kept (a PNG is ~40 kB).
CACHE_SIZE = 64
_cache: OrderedDict[tuple[object, ...], bytes | None] = OrderedDict()
_lock = threading.Lock()


def chart_attachment(models: list[Model], estimates: list[CostEstimate], profile: TrafficProfile) -> Attachment | None:
    """The chart as a lazy attachment, or None when no model has a price to plot (so no page promises one)."""
    if not any(e.headline is not None and e.headline.per_month for e in estimates):
        return None
    return Attachment(CHART_NAME, draw=lambda: cost_chart(models, estimates, profile))


def cost_chart(models: list[Model], estimates: list[CostEstimate], profile: TrafficProfile) -> bytes | None:
    """PNG of monthly cost vs requests/month per model (headline route at the profile); None if none priced."""
    lines = [(m, _headline_route(m, e), e) for m, e in zip(models, estimates, strict=True) if e.headline is not None]
    key = (tuple((m.id, r.provider_id, r.provider_model_id) for m, r, _ in lines), profile.model_dump_json())
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    png = _draw([(m, r, e) for m, r, e in lines], profile)
    with _lock:
        _cache[key] = png
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return png


def _headline_route(model: Model, est: CostEstimate) -> Route:
    assert est.headline is not None
    h = est.headline
    return next(r for r in model.routes if (r.provider_id, r.provider_model_id) == (h.provider_id, h.provider_model_id))


def _draw(lines: list[tuple[Model, Route, CostEstimate]], profile: TrafficProfile) -> bytes | None:
    from matplotlib.figure import Figure  # lazily: ~0.3 s of import a process that never charts does not pay

    base = max(profile.requests_per_month, 1000)
    xs = [int(base * f) for f in _SCALE]
    fig = Figure(figsize=(7, 3.6), dpi=100)
    ax = fig.add_subplot()
    plotted = 0
    for model, route, est in lines:
        points = []
        for x in xs:
            cost = estimate_route(route, profile.model_copy(update={"requests_per_month": x})).per_month
            if cost is not None and cost > 0:  # log axes: a $0 point cannot be drawn
                points.append((x, float(cost)))
        if not points:
            continue
        assert est.headline is not None
        label = f"{model.name} via {est.headline.provider_name}"
        ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", markersize=3, label=label)
        plotted += 1
    if not plotted:
        return None
    _decorate(ax, profile, base)
    fig.subplots_adjust(left=0.12, right=0.98, top=0.9, bottom=0.15)  # fixed margins: tight_layout costs ~100 ms
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def _decorate(ax: Axes, profile: TrafficProfile, base: int) -> None:
    from matplotlib.ticker import FuncFormatter, NullLocator

    ax.axvline(profile.requests_per_month or base, color="grey", linestyle=":", linewidth=1, label="your traffic")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.xaxis.set_minor_locator(NullLocator())  # log-axis minor ticks were most of the drawing time
    ax.yaxis.set_minor_locator(NullLocator())
    ax.yaxis.set_major_formatter(FuncFormatter(_dollars))
    ax.xaxis.set_major_formatter(FuncFormatter(_count))
    ax.set_xlabel("requests per month")
    ax.set_ylabel("USD per month")
    ax.set_title(f"{profile.input_tokens:,} in + {profile.output_tokens:,} out tokens per request", fontsize=9)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=7, loc="upper left")


def _dollars(value: float, _pos: int) -> str:
    return f"${value:,.0f}" if value >= 1 else f"${value:.2g}"


def _count(value: float, _pos: int) -> str:
    for unit, size in (("B", 1e9), ("M", 1e6), ("k", 1e3)):
        if value >= size:
            return f"{value / size:g}{unit}"
    return f"{value:g}"
