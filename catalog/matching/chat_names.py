"""Curated chat names for vendors (``catalog/data/chat_names.json``): "ds" for DeepSeek, "z.ai" for Zhipu.

Only what the data cannot give: a family word already names its vendor. Validated strictly, so a typo in the
file is an error at start-up rather than a name that silently never matches.
"""

from __future__ import annotations

import functools
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

FILE = "chat_names.json"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class VendorName(_Strict):
    name: str = Field(pattern=r"^[a-z0-9]+( [a-z0-9]+)?$")
    """Lower-case words as the tokeniser yields them ("z.ai" is "z ai")."""
    vendor: str
    source: str = Field(min_length=10)


class ChatNames(_Strict):
    about: str
    vendors: tuple[VendorName, ...]


@functools.cache
def vendor_aliases() -> dict[str, str]:
    """Chat name -> vendor key."""
    raw = resources.files("catalog.data").joinpath(FILE).read_bytes()
    return {v.name: v.vendor for v in ChatNames.model_validate_json(raw).vendors}
