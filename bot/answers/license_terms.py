"""What a license allows commercially, for the license families the catalog's sources name without saying so.

The sources give a license name ("Llama 3.1 Community License", "Gemma") but no commercial-use flag for most of
them, so "can we use it commercially?" would get "unknown" for the models teams ask about most. Each entry is the
license's own terms, summarised, with the document it comes from; a name that matches none stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.models import Model


@dataclass(frozen=True, slots=True)
class Terms:
    verdict: str
    """ "Yes", "Yes, with conditions" or "No"."""
    detail: str
    source: str


_TABLE: tuple[tuple[re.Pattern[str], Terms], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), terms)
    for pattern, terms in (
        (
            r"\bllama\b",
            Terms(
                "Yes, with conditions",
                "products with over 700 million monthly active users need a separate license from Meta; "
                'show "Built with Llama" and follow Meta\'s acceptable use policy',
                "https://www.llama.com/ (the Community License of each Llama version)",
            ),
        ),
        (
            r"\bgemma\b",
            Terms(
                "Yes, with conditions",
                "allowed under the Gemma Terms of Use, subject to Google's prohibited use policy",
                "https://ai.google.dev/gemma/terms",
            ),
        ),
        (
            r"\btongyi|\bqwen\b",
            Terms(
                "Yes, with conditions",
                "products with over 100 million monthly active users need a license from Alibaba Cloud",
                "https://huggingface.co/Qwen/Qwen-72B/blob/main/LICENSE",
            ),
        ),
        (
            r"^deepseek$|commercial use allowed",
            Terms(
                "Yes, with conditions",
                "allowed under the DeepSeek model license, which lists prohibited uses",
                "https://github.com/deepseek-ai/DeepSeek-V3/blob/main/LICENSE-MODEL",
            ),
        ),
        (
            r"\bmistral research license|\bMRL\b",
            Terms(
                "No",
                "research and non-commercial use only; commercial use needs a Mistral commercial license",
                "https://mistral.ai/licenses/MRL-0.1.md",
            ),
        ),
        (
            r"\bMNPL\b",
            Terms(
                "No",
                "the Mistral Non-Production License allows testing and research, not production use",
                "https://mistral.ai/licenses/MNPL-0.1.md",
            ),
        ),
        (
            r"\bnvidia open model license",
            Terms(
                "Yes",
                "the NVIDIA Open Model License allows commercial use and derivative models",
                "https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/",
            ),
        ),
        (
            r"\bCC[- ]BY[- ]NC\b|\bnon-?commercial\b",
            Terms("No", "a non-commercial license", "https://creativecommons.org/licenses/by-nc/4.0/"),
        ),
        (
            r"^creative commons attribution 4\.0|^CC[- ]BY[- ]4\.0",
            Terms("Yes", "allowed with attribution", "https://creativecommons.org/licenses/by/4.0/"),
        ),
        (
            r"^proprietary$",
            Terms(
                "Yes, through the API",
                "through the vendor's API under its commercial terms; the weights are not released",
                "the vendor's API terms",
            ),
        ),
    )
)


def commercial_terms(model: Model) -> Terms | None:
    """The terms of ``model``'s license family, or None when the license is unknown or not in the table."""
    name = (model.license.name if model.license is not None else "").strip()
    if not name:
        return None
    return next((terms for pattern, terms in _TABLE if pattern.search(name)), None)


__all__ = ["Terms", "commercial_terms"]
