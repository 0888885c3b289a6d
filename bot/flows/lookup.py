"""Command flows shared by the slash commands, the console and the CLI: handler -> render -> ``Reply``.

Unknown or ambiguous names never end a command: the reply offers the candidates in a select, and picking
one re-runs the same flow with that model (``ModelPicker`` holds the continuation for the console, and the command
with its arguments as ``Saved`` state, so ``flows.resume`` can continue it after a restart).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bot.answers.compare import compare
from bot.answers.costs import TrafficProfile, estimate
from bot.answers.filters import ModelFilter, search
from bot.answers.freshness import Freshness
from bot.answers.handlers import ask_handler
from bot.answers.questions.conversation import converse
from bot.answers.questions.memory import ChannelMemory
from bot.limits import ADDRESSED_TEXT, PASSIVE_TEXT
from bot.render.cards import cost_embed, faq_embed, model_embed, models_embed, pick_embed
from bot.render.charts import chart_attachment
from bot.render.embeds import compare_pages
from bot.render.reply import Reply
from bot.render.views import Continued, ModelPicker, Saved, SectionPager
from catalog.errors import AmbiguousModel, ModelNotFound
from catalog.models import Model
from catalog.service import Catalog


def picking(command: str, profile: TrafficProfile | None = None) -> dict[str, Any]:
    """What a picker saves to continue ``command`` (its names and slot are added when the picker is made)."""
    return {"kind": "pick", "command": command, "profile": None if profile is None else profile.model_dump(mode="json")}


def _resolve_or_pick(
    catalog: Catalog,
    names: Sequence[str],
    invoker_id: int,
    rerun: Callable[[list[str]], Continued],
    pick: Mapping[str, Any],
) -> list[Model] | Reply:
    """Models for ``names``, or a picker reply for the first name that is unknown or ambiguous.

    ``pick`` (from ``picking``) is saved with the picker so the same command can continue after a restart."""
    models = []
    for i, name in enumerate(names):
        try:
            models.append(catalog.models[catalog.index.resolve(name).model_id])
        except (AmbiguousModel, ModelNotFound) as exc:

            def then(model_id: str, i: int = i) -> Continued:
                return rerun([*names[:i], model_id, *names[i + 1 :]])

            return _picker(catalog, exc, invoker_id, then, Saved.of({**pick, "names": list(names), "slot": i}))
    return models


def _picker(
    catalog: Catalog,
    exc: AmbiguousModel | ModelNotFound,
    invoker_id: int,
    then: Callable[[str], Continued],
    saved: Saved,
) -> Reply:
    if isinstance(exc, AmbiguousModel):
        candidates = list(exc.candidates)
    else:
        candidates = []
        for name in exc.suggestions:
            try:
                hit = catalog.index.resolve(name)
                candidates.append((hit.model_id, hit.name))
            except (AmbiguousModel, ModelNotFound):
                continue
    embed = pick_embed(exc.query, candidates, not_found=isinstance(exc, ModelNotFound))
    view = ModelPicker(candidates, invoker_id, then, saved) if candidates else None
    return Reply(embeds=[embed], view=view, ephemeral=not candidates)


def compare_flow(
    catalog: Catalog, names: Sequence[str], profile: TrafficProfile, invoker_id: int, fresh: Freshness | None = None
) -> Reply:
    """/compare: the report as section pages with a pager (chart on the cost page)."""
    if not 2 <= len(names) <= 4:
        return Reply(content=f"/compare takes 2 to 4 models; you gave {len(names)}.", ephemeral=True)
    found = _resolve_or_pick(
        catalog,
        names,
        invoker_id,
        lambda n: compare_flow(catalog, n, profile, invoker_id, fresh),
        picking("compare", profile),
    )
    if isinstance(found, Reply):
        return found
    if len({m.id for m in found}) != len(found):
        return Reply(
            content="Those names all point to the same model; pick different models to compare.", ephemeral=True
        )
    report = compare(found, catalog.models, profile)
    chart = chart_attachment(found, [line.estimate for line in report.costs], profile)  # drawn when shown
    pages = compare_pages(report, chart=chart is not None, fresh=fresh)
    return SectionPager(pages, invoker_id, pager_state(found, profile), chart).render(0)


def pager_state(models: Sequence[Model], profile: TrafficProfile) -> Saved:
    """What rebuilds a /compare report exactly: its models (by id) and the traffic it was priced at."""
    return Saved.of({"kind": "compare", "models": [m.id for m in models], "profile": profile.model_dump(mode="json")})


def cost_flow(
    catalog: Catalog, name: str, profile: TrafficProfile, invoker_id: int, fresh: Freshness | None = None
) -> Reply:
    """/cost: one model at the team's traffic, every route, with a chart."""
    found = _resolve_or_pick(
        catalog,
        [name],
        invoker_id,
        lambda n: cost_flow(catalog, n[0], profile, invoker_id, fresh),
        picking("cost", profile),
    )
    if isinstance(found, Reply):
        return found
    (model,) = found
    est = estimate(model, profile)
    chart = chart_attachment([model], [est], profile)
    files = [chart] if chart is not None else []
    return Reply(embeds=[cost_embed(est, model, chart=chart is not None, fresh=fresh)], files=files)


def model_flow(catalog: Catalog, name: str, invoker_id: int, fresh: Freshness | None = None) -> Reply:
    """/model: one model's card."""
    found = _resolve_or_pick(
        catalog, [name], invoker_id, lambda n: model_flow(catalog, n[0], invoker_id, fresh), picking("model")
    )
    if isinstance(found, Reply):
        return found
    return Reply(embeds=[model_embed(found[0], fresh)])


def models_flow(catalog: Catalog, filt: ModelFilter, profile: TrafficProfile, fresh: Freshness | None = None) -> Reply:
    """/models: catalog filter sorted by cost at the server's traffic."""
    hits = search(list(catalog.models.values()), filt, profile)
    return Reply(embeds=[models_embed(filt, hits, profile.describe(), fresh)])


def within_budget(text: str, addressed: bool) -> bool:
    """The cost budget, checked before any parsing: overheard chat is read up to ``PASSIVE_TEXT`` characters, an
    addressed question up to ``ADDRESSED_TEXT`` (and parsed in linear time either way)."""
    return len(text) <= (ADDRESSED_TEXT if addressed else PASSIVE_TEXT)


def too_long(text: str) -> Reply:
    """The one line an addressed question past the budget gets (overheard chat past it is skipped silently)."""
    return Reply(
        content=f"That is too long for me to read ({len(text):,} characters); please ask in {ADDRESSED_TEXT:,} "
        "characters or fewer.",
        ephemeral=True,
    )


def ask_flow(
    catalog: Catalog, text: str, profile: TrafficProfile, addressed: bool, fresh: Freshness | None = None
) -> Reply | None:
    """/ask and the chat listener: None means stay silent."""
    if not within_budget(text, addressed):
        return too_long(text) if addressed else None
    ans = ask_handler(catalog, text, profile, addressed=addressed)
    return None if ans is None else Reply(embeds=[faq_embed(ans, fresh)])


class ChatSession:
    """One channel's conversation with the bot: each line goes through the ask flow with the channel's memory, so
    a follow-up ("and opus?", "same traffic on X") reads as the question before it. ``last_model_ids`` are the
    models the last reply is about. The console and the evaluation drive it; Discord keeps one per channel."""

    def __init__(self, catalog: Catalog, profile: TrafficProfile, addressed: bool = False, saved: bool = False):
        self.catalog = catalog
        self.profile = profile
        self.addressed = addressed
        self.saved = saved
        self.memory: ChannelMemory | None = None
        self.last_model_ids: list[str] = []
        self.last_intent: str | None = None
        """What the last reply answered ("price", "monthly_cost", "filter" …): counted in the metrics."""

    def reply(
        self, text: str, now: float | None = None, fresh: Freshness | None = None, invoker_id: int = 0
    ) -> Reply | None:
        if not within_budget(text, self.addressed):
            self.last_model_ids, self.last_intent = [], None
            return too_long(text) if self.addressed else None
        now = time.time() if now is None else now  # wall time: the memory outlives a restart
        ans, self.memory = converse(
            text, self.catalog, self.profile, self.addressed, self.memory, now=now, saved_profile=self.saved
        )
        self.last_model_ids = [] if ans is None else list(ans.model_ids)
        self.last_intent = None if ans is None else ans.intent
        if ans is None:
            return None
        if not ans.choices:
            return Reply(embeds=[faq_embed(ans, fresh)])

        def then(model_id: str) -> Continued:
            # the same question for the model picked: its name reads as a follow-up of the remembered one
            answer = self.reply(f"{self.catalog.models[model_id].name}?", fresh=fresh, invoker_id=invoker_id)
            return answer or Reply(content="Nothing to answer for that model.", ephemeral=True)

        # after a restart the channel's memory (in the state store) carries the question; nothing else to save
        picker = ModelPicker(ans.choices, invoker_id, then, Saved.of(picking("chat")))
        return Reply(embeds=[faq_embed(ans, fresh)], view=picker)
