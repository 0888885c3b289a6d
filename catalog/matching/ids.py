"""Model ids as developers paste them: inside code spans, quoted config values, and ``vendor/model`` paths.

Chat words are matched by ``index``; this reads what that scan blanks out (code) and the id-shaped tokens it
cannot split (``openrouter/aion-labs/aion-1.0-mini``, ``azure/eu/o3``). A candidate counts only when it, or the
part after one of its ``/``, is exactly a model id, a model name or an alias (route ids are aliases): an id is
never guessed. Short ids ("o3", "r1") count only as a whole code span or quoted value, never as a flag (``-O3``).
Links are not mentions, except a model's own page on a hub (Hugging Face, OpenRouter, Ollama's library), whose
path is the model's id. Hub cache folders spell "org/repo" as "models--org--repo" or "org__repo".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from catalog.identity.keys import spelling
from catalog.identity.route_ids import parse_route_id
from catalog.models import Model

#: Code spans and quoted values: where a pasted id lives.
_CODE = re.compile(r"```.*?(?:```|$)|`[^`\n]+`", re.DOTALL)
_QUOTED = re.compile(r"\"([^\"\n]{2,120})\"|'([^'\n]{2,120})'")
#: An id-shaped token: letters, digits and the punctuation ids use.
_ID = re.compile(r"(?<![\w./:@+~-])[a-z0-9~@][a-z0-9._:/@+~-]*[a-z0-9]", re.IGNORECASE)
#: A model's page on a hub ("https://huggingface.co/Qwen/Qwen3.6-35B-A3B", "openrouter.ai/anthropic/claude-x",
#: "ollama.com/library/qwen3"): the links that name a model.
_MODEL_PAGE = re.compile(
    r"https?://(?:www\.)?(?:huggingface\.co/|openrouter\.ai/|ollama\.com/library/)([\w.-]+(?:/[\w.:-]+)?)",
    re.IGNORECASE,
)
#: A hub's own pages, not a model's ("openrouter.ai/api/v1", "huggingface.co/docs/...").
_SITE_PAGES = frozenset(
    {"api", "docs", "models", "settings", "chat", "spaces", "datasets", "blog", "papers", "pricing", "rankings"}
    | {"apps", "activity", "keys", "credits", "search", "login", "organizations", "collections", "enterprise"}
)
#: How hub caches write "org/repo" ("models--Qwen--Qwen3-8B", "CohereForAI__aya-expanse-32b").
_CACHE_SEPARATOR = re.compile(r"^models--|--|__")
#: Other links are not mentions (a docs URL names a page, not the model a team uses).
_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
#: Tokens with one of these look like ids outside code too.
_ID_MARKS = ("/", ":", "--", "_")
SHORT = 3

Lookup = Callable[[str], str | None]


#: Longest id-shaped token worth looking up, and the most path segments an id has ("accounts/fireworks/models/x"):
#: bounds the work a hostile message ("a/a/a/…" for 4,000 characters) can cause.
MAX_ID_CHARS = 160
MAX_SEGMENTS = 5


def candidates(token: str) -> list[str]:
    """The token and what follows each "/" in it ("openrouter/aion-labs/x" -> itself, "aion-labs/x", "x")."""
    token = token.strip("'\".,;:)(").lower()
    if len(token) > MAX_ID_CHARS:
        return []
    if "--" in token or "__" in token:
        token = _CACHE_SEPARATOR.sub(lambda m: "" if m.group().startswith("models") else "/", token)
    parts = token.split("/")[-MAX_SEGMENTS:]
    out = ["/".join(parts[i:]) for i in range(len(parts))]
    if len(parts) == 1 and "_" in token and "-" in token:  # LM Studio's "meta-llama_Llama-3.2-1B-Instruct"
        out.append(token.split("_", 1)[1])
    return out


def id_mentions(text: str, lookup: Lookup) -> list[tuple[int, int, str]]:
    """(start, end, model id) for every pasted id in ``text``; ``lookup`` maps a lower-cased spelling to the one
    model it names exactly, or None."""
    marked = "`" in text or '"' in text or "'" in text or "/" in text or ":" in text  # no generator: chat is hot
    if not (marked or ("_" in text and "-" in text)):
        return []
    out: list[tuple[int, int, str]] = []
    for m in _MODEL_PAGE.finditer(text):  # a model's own hub page names it by its whole path, never by a tail
        path = m.group(1).lower()
        if path.split("/")[0] not in _SITE_PAGES and (mid := lookup(path)) is not None:
            out.append((m.start(), m.end(), mid))
    text = _URL.sub(lambda m: " " * (m.end() - m.start()), text)
    regions = [(m.start(), m.end(), True) for m in _CODE.finditer(text)]
    regions += [(m.start(), m.end(), True) for m in _QUOTED.finditer(text)]
    for start, end, in_code in regions or []:
        _scan(text, start, end, in_code, lookup, out)
    for m in _ID.finditer(text):  # vendor/model and model:tag outside code
        if any(mark in m.group() for mark in _ID_MARKS) and not any(s <= m.start() < e for s, e, _ in regions):
            _one(m.group(), m.start(), m.end(), whole=False, lookup=lookup, out=out)
    return out


#: A flag or key whose value is a model ("--model o3", "--editor-model gpt-4.1", "model=o3"): the value is an id
#: however short, like a whole code span.
_MODEL_FLAG = re.compile(r"(?:--[a-z-]{0,20}model|\bmodel)[ \t]?[=: \t][ \t]?[\"']?$", re.IGNORECASE)


def _scan(text: str, start: int, end: int, in_code: bool, lookup: Lookup, out: list[tuple[int, int, str]]) -> None:
    body = text[start:end].strip("`\"'")
    whole = bool(_ID.fullmatch(body.strip()))
    for m in _ID.finditer(text, start, end):
        flagged = in_code and _MODEL_FLAG.search(text, max(start, m.start() - 24), m.start()) is not None
        _one(m.group(), m.start(), m.end(), whole=(whole or flagged) and in_code, lookup=lookup, out=out)


def _one(token: str, start: int, end: int, whole: bool, lookup: Lookup, out: list[tuple[int, int, str]]) -> None:
    head, _, tail = token.partition("/")
    if tail and "/" not in tail and len(head) > SHORT and any(c.isdigit() for c in head):
        first, second = lookup(head.lower()), lookup(tail.lower().rstrip(".,;:)"))
        if first is not None and second is not None and first != second:
            # two models either side of a slash ("gemini2.5pro/claudeopus4.1"), not an org and its model
            out += [(start, start + len(head), first), (start + len(head) + 1, end, second)]
            return
    for cand in candidates(token):
        if not whole and (len(cand) <= SHORT or cand.isalpha()):
            continue  # "o3" in "-O3 -ffast-math" is a flag, "summarize" in a prompt a word: only a whole value counts
        mid = lookup(cand)
        if mid is not None:
            out.append((start, end, mid))
            return


#: Words that describe how a model is served; an id that leaves them out still names the model ("chat" is not
#: one: GPT-5.3 Chat is another product than GPT-5.3, Llama 2 7B Chat another model than the base).
_SERVING = frozenset({"instruct", "it", "hf"})


def _loose(key: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in key if t not in _SERVING)


def id_keys(model: Model) -> set[tuple[tuple[str, ...], bool]]:
    """Every identity key a model answers to (its route ids', name's and aliases'), and the loose form of each."""
    keys = {parse_route_id(r.provider_model_id).key for r in model.routes}
    keys |= {spelling(s).key for s in (model.name, *model.aliases)}
    keys = {k for k in keys if k}
    return {(k, False) for k in keys} | {(_loose(k), True) for k in keys if _loose(k)}


def query_keys(text: str, loose: bool) -> list[tuple[str, ...]]:
    """The identity keys a typed or pasted id reduces to (as a route id and as a name)."""
    keys = [parse_route_id(text).key, spelling(text).key]
    return [_loose(k) for k in keys] if loose else keys
