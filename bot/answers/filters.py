"""Filtering the catalog: "open weights, ≥ 200k context, tool use, under $1/1M output", ranked by cost.

Used by filter questions in chat and by the /models command. Quality cannot be ranked from the catalog, so
results are ranked by monthly cost at the team's traffic (then output price), and the answer says so.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from bot.answers.costs import TrafficProfile, monthly_cost
from bot.answers.lifecycle import retired_by_lab
from bot.answers.prices import unit_prices
from catalog.models import CAPABILITY_LABELS, Model


class ModelFilter(BaseModel):
    """Constraints a shortlist must meet; None means "any"."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    open_weights: bool | None = None
    min_context: int | None = Field(default=None, ge=0)
    max_context: int | None = Field(default=None, ge=0)
    """The largest context window that qualifies ("still on 200k, less than 1M")."""
    released_after: str | None = None
    """ISO date prefix ("2025", "2025-06"): only models released after it ("released after 2025")."""
    capabilities: tuple[str, ...] = ()
    """Capability keys (``tool_use``, ``vision`` ...) that must be "yes"."""
    max_output_price: Decimal | None = Field(default=None, ge=0)
    """USD per 1M output tokens, at the model's quoted (list) price."""
    max_input_price: Decimal | None = Field(default=None, ge=0)
    """USD per 1M input tokens ("under $0.50 per 1M input")."""
    min_output: int | None = Field(default=None, ge=0)
    """Tokens a model must be able to write in one reply ("can output 128k tokens")."""
    priced_at: tuple[Decimal, Decimal] | None = None
    """An exact list price, input and output per 1M ("priced at $3 in / $15 out")."""
    kind: str | None = None
    """A model kind other than chat ("embedding", "rerank", "image", "speech"): only models of that kind."""
    by_cost: bool = True
    """Rank by monthly cost; False lists the most widely served first ("which deepseek models are open?")."""
    provider: str | None = None
    """Provider id or name (case-insensitive) that must serve the model."""
    vendor: str | None = None
    """The lab whose models qualify ("anthropic"), as the catalog keys vendors."""
    text_only: bool = False
    """A chat or coding task: embedding, rerank, image, audio, speech and moderation models do not qualify."""
    coding: bool = False
    """A coding task ("coding models", "for coding"): models made for code lead the list."""
    name_words: tuple[str, ...] = ()
    """Words every qualifying model's name holds: a family asked for as "sonar models", "gpt-5 family models"."""
    retired: bool = False
    """Only models their lab lists as deprecated ("which openai models are deprecated?")."""

    def describe(self) -> str:
        parts = []
        if self.open_weights:
            parts.append("open weights")
        if self.min_context:
            parts.append(f"context ≥ {self.min_context:,} tokens")
        if self.max_context is not None:
            parts.append(f"context ≤ {self.max_context:,} tokens")
        if self.released_after:
            parts.append(f"released after {self.released_after}")
        parts += [CAPABILITY_LABELS[c].lower() for c in self.capabilities]
        if self.min_output:
            parts.append(f"max output ≥ {self.min_output:,} tokens")
        if self.priced_at is not None:
            parts.append(f"priced at ${self.priced_at[0]} in / ${self.priced_at[1]} out per 1M tokens")
        if self.max_input_price is not None:
            parts.append(f"input ≤ ${self.max_input_price}/1M tokens")
        if self.max_output_price is not None:
            parts.append(f"output ≤ ${self.max_output_price}/1M tokens")
        if self.kind:
            parts.append(f"{self.kind} models")
        if self.provider:
            parts.append(f"served by {self.provider}")
        if self.vendor:
            parts.append(f"made by {self.vendor}")
        if self.retired:
            parts.append("deprecated by their lab")
        if self.name_words:
            parts.append(f"named {' '.join(self.name_words)}")
        if self.coding:
            parts.append("models made for code first")
        if self.text_only:
            parts.append("chat/coding models")
        return ", ".join(parts) or "no constraints"

    @property
    def empty(self) -> bool:
        """No constraint at all (how results are ranked is no constraint)."""
        return self.model_copy(update={"by_cost": True}) == ModelFilter()


_CAP_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(p))
    for key, p in (
        ("tool_use", r"\btool[- ]?(?:use|calling)\b|\btools\b"),
        ("function_calling", r"\bfunction[- ]?calling\b"),
        ("structured_outputs", r"\bstructured outputs?\b|\bjson\b"),
        ("vision", r"\bvision\b|\bimages?\b"),
        ("reasoning", r"\breasoning\b|\bthinking\b"),
        ("code_execution", r"\bcode execution\b"),
    )
)
#: "128k context", "context of at least 1m", "1M-token context": digits are bounded and anchored, so a long run of
#: digits or spaces costs linear time (each pattern has one unbounded-free path per start position).
_CONTEXT = re.compile(
    r"(?<![\d.])(\d{1,4}(?:\.\d{1,2})?|a|one) ?(k|m|million|thousand)\b[^.?!,\d]{0,20}\b(?:context|ctx)"
    r"|\b(?:context|ctx)\b[^.?!,\d]{0,20}(?<![\d.])(\d{1,4}(?:\.\d{1,2})?) ?(k|m|million|thousand)\b"
    r"|\b(?:context|ctx)\b[^.?!,\d]{0,20}(?<![\d.,])(\d{1,3}(?:,\d{3}){1,2}|\d{4,7})(?![\d,.]?\d)"  # ">= 256000"
    r"|\b(?:read|take in|take|ingest|handle)\s(?:(?:up to|at least|over|more than)\s){0,2}"
    r"(\d{1,4}(?:\.\d{1,2})?) ?([km])\b(?= tokens? at once)"  # "which ones can read at least 300k tokens at once?"
)
_PRICE = re.compile(
    r"\b(?:under|below|less than|cheaper than|max(?:imum)?|at most)\s{0,3}\$\s{0,3}(\d{1,6}(?:\.\d{1,4})?)"
    r"|[<≤]\s{0,3}\$\s{0,3}(\d{1,6}(?:\.\d{1,4})?)"
    r"|\b(?:under|below|less than|cheaper than|at most)\s{0,3}(\d{1,3}) ?(?:cents?|¢)"  # "under 10 cents per million"
    r"|\b(?:under|below|less than|cheaper than|at most)\s{0,3}(?:a|one) (dollar)\b"  # "under a dollar per million"
)
#: "input price under $3", "input under $1 per million": the side named just before the cap.
_INPUT_BEFORE = re.compile(r"\b(?:input|prompt)(?: (?:price|cost|tokens?))?\s{0,3}$")
#: "less than 1M context", "(under 1M)" beside a context window: a ceiling, not a floor.
_CONTEXT_CAP = re.compile(
    r"\b(less than|under|below|smaller than|at most)\s{0,3}(\d{1,4}(?:\.\d{1,2})?) ?(k|m|million)\b"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: "released after 2025", "since march 2025", "newer than 2025-06", "from 2026 on".
_RELEASED = re.compile(
    r"\b(?:released |launched |came out |out )?(after|since|newer than|from|in)\s{1,3}(?:the )?"
    r"(?:(\d{1,2})(?:st|nd|rd|th)?(?: of)?\s{1,3}(?=[a-z]))?"  # "1st may 2026", "the 1st of may 2026"
    r"(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}"
    r"(?:(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3})?)?"  # "may 1st, 2026"
    r"(20\d\d)(?:-(\d\d)(?:-(\d\d))?)?\b"
)
#: "can output 128k tokens", "max output of 64k", "64k output tokens".
_MIN_OUTPUT = re.compile(
    r"\boutputs?\s(?:(?:up to|at least|of|over|more than|above|minimum|min)\s){0,3}(\d{1,4}(?:\.\d)?) ?([km])\b"
    r"|(?<!per )(?<![\d./])(\d{1,4}(?:\.\d)?) ?([km]) (?:of )?(?:max )?output\b"  # not "$1 per 1M output"
    r"|\b(?:answers?|replies|responses?|write)\s(?:(?:up to|at least|of|over|more than)\s){0,3}"
    r"(\d{1,4}(?:\.\d)?) ?([km])\b"
)  # "can write answers of 128k tokens", "write at least 100k tokens in a single answer"
#: "priced at $3 in / $15 out", "$3/$15 per million".
_PRICED_AT = re.compile(
    r"\$\s?(\d{1,5}(?:\.\d{1,4})?)(?: per (?:1m|million))?\s?(?:in(?:put)?)?\s?/\s?\$\s?(\d{1,5}(?:\.\d{1,4})?)"
)
#: "per 1M input", "input price": which side of the price a cap is on (output when the text does not say).
_INPUT_SIDE = re.compile(r"^[^.?!,$]{0,25}?\b(?:input|prompt|in)\b")
_COST_WORDS = re.compile(r"\bcheap\w{0,3}\b|\$|\bbudget\b|\bafford|\bcosts?\b|\bpric\w{1,4}\b")
#: Model kinds other than chat, as asked and as names show them.
_KINDS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (kind, re.compile(asked), re.compile(named))
    for kind, asked, named in (
        ("embedding", r"\bembed(?:ding)?s?\b", r"embed"),
        ("rerank", r"\brerank(?:ing|ers?)?\b", r"rerank"),
        ("image", r"\bimage (?:generation|gen|models?)\b|\btext[- ]to[- ]image\b", r"dall-e|imagen|image|flux|sdxl"),
        ("speech", r"\bspeech\b|\btranscri\w{1,8}\b|\btts\b|\bvoice\b", r"whisper|tts|transcrib|speech|voice"),
    )
)
_OPEN = re.compile(r"\bopen[- ]?(?:weights?|source)\b|\bself[- ]?host")
_MODELS_WORD = re.compile(r"\b(?:models?|llms?)\b")
_FILTER_START = re.compile(r"^\W{0,3}(?:best|which|recommend|cheapest|any|find|list|show|what|suggest|need|give)\b")
_TEXT_TASK = re.compile(
    r"\b(?:cod(?:e|ing)|chat(?:bot)?|assistant|agents?|agentic|writing|summari[sz]\w{0,6}|reasoning|rag)\b"
)
#: Names of models that are not for chat or code (when no modality says so).
_NOT_TEXT = re.compile(
    r"embed|rerank|whisper|tts|transcrib|speech|dall-e|imagen|image|flux|stable-diffusion|sdxl|veo|sora|video|"
    r"moderation|guard|audio|voice|music|lyria|router"
)


def parse_filter(text: str) -> ModelFilter | None:
    """The constraints in a filter question ("open-weights models with 128k context under $1"), or None when the
    text names no models word or no constraint."""
    lower = text.lower()[:2000]
    if not _MODELS_WORD.search(lower):
        return None
    min_context = max_context = None
    ceiling = _CONTEXT_CAP.search(lower) if "context" in lower else None
    if ceiling is not None:  # "less than 1M" holds below it; "at most 128k" holds it
        limit = int(Decimal(ceiling.group(2)) * (1000 if ceiling.group(3) == "k" else 1_000_000))
        max_context = limit if ceiling.group(1) == "at most" else limit - 1
    if (m := _CONTEXT.search(lower)) and not (ceiling and ceiling.start() <= m.start() < ceiling.end()):
        number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if m.group(6):  # "can read 300k tokens at once"
            number, unit = m.group(6), m.group(7)
        number = "1" if number in ("a", "one") else number  # "a million tokens of context"
        scale = 1000 if unit in ("k", "thousand") else 1_000_000
        min_context = int(Decimal(m.group(5).replace(",", ""))) if m.group(5) else int(Decimal(number) * scale)
    price = _PRICE.search(lower)
    cap = _cap(price)
    on_input = price is not None and (
        _INPUT_SIDE.search(lower[price.end() : price.end() + 30]) is not None
        or _INPUT_BEFORE.search(lower[max(0, price.start() - 25) : price.start()]) is not None
    )
    kind = next((k for k, asked, _ in _KINDS if asked.search(lower)), None)
    priced_at = _PRICED_AT.search(lower)
    if priced_at is not None:
        cap = None  # an exact price is no cap
    found = ModelFilter(
        min_output=_tokens(_MIN_OUTPUT.search(lower)),
        priced_at=(Decimal(priced_at.group(1)), Decimal(priced_at.group(2))) if priced_at else None,
        open_weights=True if _OPEN.search(lower) else None,
        min_context=min_context,
        max_context=max_context,
        released_after=_released_after(lower),
        capabilities=tuple(key for key, p in _CAP_WORDS if p.search(lower)),
        max_output_price=cap if not on_input else None,
        max_input_price=cap if on_input else None,
        kind=kind,
        text_only=kind is None,  # a team asking for models means chat models unless it names another kind
        by_cost=_COST_WORDS.search(lower) is not None,
        coding=_CODING.search(lower) is not None,
        retired=_RETIRED.search(lower) is not None,
    )
    if found.model_copy(update={"text_only": False, "by_cost": True}) == ModelFilter():
        return None
    return found


def _cap(price: re.Match[str] | None) -> Decimal | None:
    """A price cap in dollars ("under $0.50", "< $2", "under 10 cents")."""
    if price is None:
        return None
    if price.group(3):
        return Decimal(price.group(3)) / 100
    if price.group(4):
        return Decimal(1)
    return Decimal(price.group(1) or price.group(2))


def _tokens(m: re.Match[str] | None) -> int | None:
    """ "128k" / "1m" as a token count."""
    if m is None:
        return None
    groups = m.groups()
    number, unit = next((groups[i], groups[i + 1]) for i in range(0, len(groups), 2) if groups[i])
    return int(Decimal(number) * (1000 if unit == "k" else 1_000_000))


def _released_after(lower: str) -> str | None:
    """The date a "released after" constraint starts from: "after 2025" is after 2025-12, "since march 2025" is
    from 2025-03 on (kept as the month before, so the comparison is "after")."""
    m = _RELEASED.search(lower)
    if m is None:
        return None
    word, day_first, month_word, day_after, year, month_num, day_num = m.groups()
    if word == "in" and not m.group(0).startswith(("released", "launched", "came out", "out")):
        return None  # "in 2026 we plan …" is no release date; "released in 2026" is
    month = int(month_num) if month_num else (_MONTHS.index(month_word) + 1 if month_word else None)
    if month is None:
        return year if word in ("after", "newer than") else f"{int(year) - 1}"
    day = day_num or day_after or (day_first if month_word else None)
    if day is not None and 1 <= int(day) <= 31:  # "after may 1st 2026": after that day ("since" it: the day before)
        return f"{year}-{month:02d}-{max(0, int(day) - (1 if word in ('since', 'from') else 0)):02d}"
    if word in ("since", "from"):
        month -= 1
        if month == 0:
            return f"{int(year) - 1}-12"
    return f"{year}-{month:02d}"


def vendor_filter(text: str, vendor: str) -> ModelFilter | None:
    """ "cheapest anthropic model?", "what models does mistral have?": a lab's models with no other constraint."""
    lower = text.lower()[:2000]
    if not _MODELS_WORD.search(lower):
        return None
    kind = next((k for k, asked, _ in _KINDS if asked.search(lower)), None)
    return ModelFilter(vendor=vendor, kind=kind, text_only=kind is None, by_cost=bool(_COST_WORDS.search(lower)))


def name_words(name: str) -> list[str]:
    """A name's words and versions as a filter compares them ("GPT-5 Mini" -> gpt, 5, mini)."""
    return re.findall(r"[a-z]+|\d+(?:\.\d+)*", name.lower())


def asks_for_models(text: str) -> bool:
    """A filter written as a request ("best cheap model for coding with 128k context", "open-weights models under
    $1 with tool use"), "?" or not; a sentence about what the team did ("we evaluated models with…") is not."""
    lower = text.lower()
    return bool(_FILTER_START.search(lower)) or not _STATEMENT.search(lower)


_STATEMENT = re.compile(r"\b(?:we|i|our|us|was|were|had|did|used|tried|evaluated|went|been|they|he|she)\b")


def is_text_model(model: Model) -> bool:
    """Whether a model answers chat or code: text output when the modalities are known, else not named for
    embeddings, rerank, images, audio or moderation."""
    if _NOT_TEXT.search(f"{model.id} {model.name.lower()}"):
        return False
    return not model.output_modalities or "text" in model.output_modalities


_RETIRED = re.compile(r"\b(?:deprecated|retired|being retired|retiring|sunset(?:ting)?|end[- ]of[- ]life)\b")


def matches(model: Model, f: ModelFilter) -> bool:
    if f.open_weights and model.openness != "open weights":
        return False
    if f.retired and not retired_by_lab(model):
        return False
    if f.min_context and (model.context_window or 0) < f.min_context:
        return False
    if f.max_context is not None and (model.context_window is None or model.context_window > f.max_context):
        return False
    if f.released_after and not (model.release_date and model.release_date[: len(f.released_after)] > f.released_after):
        return False
    if any(getattr(model.capabilities, c) != "yes" for c in f.capabilities):
        return False
    if f.provider:
        wanted = f.provider.lower()
        if not any(wanted in (r.provider_id.lower(), r.provider_name.lower()) for r in model.routes):
            return False
    if f.vendor and model.vendor != f.vendor:
        return False
    if f.name_words and not set(f.name_words) <= set(name_words(model.name)):
        return False
    if f.text_only and not is_text_model(model):
        return False
    if f.kind and not next(named for k, _, named in _KINDS if k == f.kind).search(f"{model.id} {model.name.lower()}"):
        return False
    if f.min_output and (model.max_output or 0) < f.min_output:
        return False
    if f.priced_at is not None and unit_prices(model) != f.priced_at:
        return False
    if f.max_input_price is not None:
        inp, _ = unit_prices(model)
        if inp is None or inp > f.max_input_price:
            return False
    if f.text_only and (out := unit_prices(model)[1]) is not None and out == 0:
        return False  # nothing charged for output: an embedding or classifier, whatever its name
    if f.max_output_price is not None:
        _, out = unit_prices(model)
        if out is None or out > f.max_output_price:
            return False
    return True


#: A coding task asked for, and a model made for code (by its name: the data has no better signal).
_CODING = re.compile(r"\bcod(?:e|ing|er)\b")
_MADE_FOR_CODE = re.compile(r"cod(?:e|er|ex|estral)|devstral")


def search(
    models: list[Model], f: ModelFilter, profile: TrafficProfile | None = None, exact: int = 25
) -> list[tuple[Model, Decimal | None]]:
    """Models meeting ``f``, cheapest monthly cost at ``profile`` first (unpriced last).

    Every hit is ranked by its list price at the profile's tokens (one multiplication each); only the first
    ``exact`` get their headline route's exact monthly cost (tiers, caching) and are re-ranked by it, the rest
    carry None: 800 exact costs would hold the event loop for a sixth of a second."""
    profile = profile or TrafficProfile()
    matched = [m for m in models if matches(m, f)]

    def rough(m: Model) -> tuple[bool, Decimal, str]:
        inp, out = unit_prices(m)
        if inp is None or out is None:
            return (True, Decimal(0), m.name)
        return (False, inp * profile.input_tokens + out * profile.output_tokens, m.name)

    if f.coding:  # stable: within each part the order below still holds
        matched.sort(key=lambda m: not _MADE_FOR_CODE.search(m.name.lower()))
    if not f.by_cost:  # ``models`` come most widely served first: the models a team has heard of lead
        return [(m, monthly_cost(m, profile)) for m in matched[:exact]] + [(m, None) for m in matched[exact:]]
    matched.sort(key=lambda m: (f.coding and not _MADE_FOR_CODE.search(m.name.lower()), *rough(m)))
    head = [(m, monthly_cost(m, profile)) for m in matched[:exact]]
    head.sort(key=lambda mc: (mc[1] is None, mc[1] or Decimal(0), mc[0].name))
    return head + [(m, None) for m in matched[exact:]]
