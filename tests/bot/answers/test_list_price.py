"""The price a model is quoted at: the lab's own list price, also while the lab lists the model as deprecated,
and the lab's global API before a regional one."""

from __future__ import annotations

import pytest

from bot.answers.prices import headline
from catalog.service import Catalog


@pytest.mark.parametrize(
    ("model_id", "provider", "prices"),
    [
        ("o1", "OpenAI", ("15", "60")),  # OpenAI lists o1 as deprecated; a reseller's $14 is no list price
        ("gpt-4.1-nano", "OpenAI", ("0.1", "0.4")),
        ("qwen-plus", "Alibaba", ("0.4", "1.2")),  # international API, not Alibaba (China)
    ],
)
def test_list_price(shipped_catalog: Catalog, model_id: str, provider: str, prices: tuple[str, str]) -> None:
    top = headline(shipped_catalog.models[model_id])
    assert top is not None and top.basis == "list price"
    assert top.route.provider_name == provider
    assert top.route.price is not None
    assert (f"{top.route.price.input:f}", f"{top.route.price.output:f}") == prices
