"""Continue a message's controls from their saved state alone: a pager press rebuilds its /compare report, a picked
model continues the command that asked. Nothing is held in memory between the message and the press, so both work
after a restart and on any shard; only the state database (``StateStore.view_state``) and the catalog are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.answers.costs import TrafficProfile
from bot.answers.freshness import Freshness
from bot.flows.lookup import ChatSession, compare_flow, cost_flow, model_flow
from bot.flows.procurement import Scope, export, shortlist_add
from bot.render.reply import Reply
from bot.render.views import Saved
from bot.state.store import StateStore
from catalog.service import Catalog

#: What a press says when the saved state is gone (pruned after ``StateStore.VIEW_STATE_DAYS``) or unreadable.
EXPIRED = "These controls have expired; run the command again for fresh ones."


@dataclass(slots=True)
class Press:
    """Who pressed, where: what continuing a command needs besides its saved arguments."""

    catalog: Catalog
    state: StateStore
    guild_id: int | None
    channel_id: int | None
    user_id: int
    catalog_path: Path
    fresh: Freshness


def reopen_compare(press: Press, saved: Saved) -> Reply:
    """The /compare reply the pager was made for, rebuilt at the traffic it was priced at.

    When a model left the catalog since (a refresh), the reply is the picker or note /compare gives for it."""
    state = saved.load()
    if state.get("kind") != "compare":
        return Reply(content=EXPIRED, ephemeral=True)
    profile = TrafficProfile.model_validate(state["profile"])
    return compare_flow(press.catalog, list(state["models"]), profile, press.user_id, press.fresh)


async def resume_pick(press: Press, saved: Saved, model_id: str) -> Reply:
    """The reply the picked command gives for ``model_id`` (a flow that writes state is awaited)."""
    state = saved.load()
    command = state.get("command")
    names = list(state.get("names") or [model_id])
    slot = int(state.get("slot", 0))
    names[slot] = model_id
    profile = TrafficProfile.model_validate(state["profile"]) if state.get("profile") else TrafficProfile()
    cat, user, fresh = press.catalog, press.user_id, press.fresh
    if command == "compare":
        return compare_flow(cat, names, profile, user, fresh)
    if command == "cost":
        return cost_flow(cat, model_id, profile, user, fresh)
    if command == "model":
        return model_flow(cat, model_id, user, fresh)
    if command in ("shortlist_add", "export") and press.guild_id is not None:
        scope = Scope(cat, press.state, press.guild_id, user, press.catalog_path, fresh)
        return await (shortlist_add(scope, model_id) if command == "shortlist_add" else export(scope, names))
    if command == "chat" and model_id in cat.models:
        return await _ask_again(press, model_id)
    return Reply(content=EXPIRED, ephemeral=True)


async def _ask_again(press: Press, model_id: str) -> Reply:
    """The channel's remembered question, asked again for the model picked (as the console's picker does)."""
    guild = press.guild_id
    saved_profile = guild is not None and press.state.has_profile(guild)
    session = ChatSession(press.catalog, press.state.profile(guild), addressed=True, saved=saved_profile)
    before = session.memory = await press.state.memory(press.channel_id) if press.channel_id is not None else None
    answer = session.reply(f"{press.catalog.models[model_id].name}?", fresh=press.fresh, invoker_id=press.user_id)
    if press.channel_id is not None and session.memory is not None and session.memory != before:
        await press.state.remember(press.channel_id, session.memory)
    return answer or Reply(content="Nothing to answer for that model.", ephemeral=True)
