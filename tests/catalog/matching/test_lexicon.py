"""Generated forms (``lexicon``) and the second chat pass (``lenient``): pure tables, then the shipped catalog."""

from __future__ import annotations

import pytest

from catalog.errors import AmbiguousModel, CatalogError
from catalog.matching.chat_names import vendor_aliases
from catalog.matching.context import short_tier_typo
from catalog.matching.forms import EXACT, LOOSE, NICK, SHORT, form_key, size_word, specific, variants
from catalog.matching.index import MatchIndex
from catalog.matching.lenient import corrections
from catalog.matching.rules import TIER_WORDS, distinctive_without_brand


def _forms(words: list[str], brand: str | None, size: str | None = None) -> dict[tuple[str, ...], int]:
    out: dict[tuple[str, ...], int] = {}
    for key, level in variants(words, brand, size):
        out[key] = min(level, out.get(key, level))
    return out


@pytest.mark.parametrize(
    ("words", "brand", "size", "key", "level"),
    [
        (["qwen", "3.6", "35b", "a", "3b"], "qwen", None, ("3.6", "35b", "qwen"), LOOSE),  # active params dropped
        (["kimi", "k2", "0905"], "kimi", None, ("k2", "kimi"), LOOSE),  # snapshot tag dropped
        (["kimi", "k2.5"], "kimi", None, ("2.5", "kimi"), LOOSE),  # the version letter left out
        (["kimi", "k2", "thinking"], "kimi", None, ("k2", "thinking"), SHORT),  # the family left out
        (["qwen", "3", "coder", "480b"], "qwen", None, ("480b", "coder", "qwen"), SHORT),  # its version left out
        (["phi", "4"], "phi", "14.7b 14b", ("14b", "4", "phi"), LOOSE),  # an Ollama tag's size
        (["glm", "4.5", "air"], "glm", None, ("air", "glm"), NICK),  # no version: a nickname
        (["codestral", "latest"], "codestral", None, ("codestral", "latest"), EXACT),  # "latest" typed out
        (["codestral", "latest"], "codestral", None, ("codestral",), EXACT),  # and the name it points to
    ],
)
def test_variants(words: list[str], brand: str | None, size: str | None, key: tuple[str, ...], level: int) -> None:
    assert _forms(words, brand, size).get(key) == level


@pytest.mark.parametrize(
    ("words", "brand", "never"),
    [
        (["qwen", "3", "max"], "qwen", ("max",)),  # nor a tier word alone
        (["gemini", "2.5", "pro"], "gemini", ("pro",)),  # a shared tier alone is no nickname
    ],
)
def test_variants_never(words: list[str], brand: str | None, never: tuple[str, ...]) -> None:
    forms = _forms(words, brand)
    assert all(level != NICK for k, level in forms.items() if k == never)
    assert never not in {k for k, lv in forms.items() if lv in (SHORT, NICK)}


@pytest.mark.parametrize(
    ("key", "level", "alone"),
    [
        (("o3",), EXACT, True),
        (("4b",), EXACT, False),  # a size is not a name
        (("3", "7b"), EXACT, False),  # numbers only
        (("3", "step"), EXACT, False),  # an everyday-word family with a bare integer
        (("3.5", "flash", "step"), EXACT, True),
        (("large", "mistral"), EXACT, True),
        (("of", "the", "3"), EXACT, False),
    ],
)
def test_specific(key: tuple[str, ...], level: int, alone: bool) -> None:
    assert specific(key, level) is alone


@pytest.mark.parametrize(
    ("short", "distinct"),
    [(("4.5", "sonnet"), True), (("3", "pro"), False), (("4o", "mini"), True), (("2.5", "flash"), True)],
)
def test_distinctive_without_brand(short: tuple[str, ...], distinct: bool) -> None:
    assert distinctive_without_brand(short) is distinct


def test_form_key_keeps_latest_only_when_typed() -> None:
    assert form_key(["mistral", "small", "latest"]) == ("latest", "mistral", "small")
    assert form_key(["mistral", "small"]) == ("mistral", "small")


@pytest.mark.parametrize(("params", "sizes"), [(14.7, "14.7b 14b"), (3.8, "3.8b"), (70.0, "70b"), (1000.0, "1t")])
def test_size_word(params: float, sizes: str) -> None:
    assert size_word(params) == sizes


@pytest.mark.parametrize(
    ("typed", "known", "expected"),
    [
        ("qwne", {"qwen"}, ["qwen"]),  # swapped
        ("gml", {"glm"}, ["glm"]),  # swapped, three letters
        ("lte", {"lite"}, ["lite"]),  # dropped
        ("sonet", {"sonnet"}, ["sonnet"]),
        ("last", {"fast"}, []),  # a changed letter in a short word is another word
        ("opus", {"opus"}, []),  # a known word is not a typo of itself
    ],
)
def test_corrections(typed: str, known: set[str], expected: list[str]) -> None:
    deletes: dict[str, set[str]] = {}
    for word in known:
        deletes.setdefault(word, set()).add(word)
        for i in range(len(word)):
            deletes.setdefault(word[:i] + word[i + 1 :], set()).add(word)
    assert corrections(typed, deletes) == expected


@pytest.mark.parametrize(("typed", "tier"), [("flsh", "flash"), ("minii", "mini"), ("mnii", "mini"), ("last", "last")])
def test_short_tier_typo(typed: str, tier: str) -> None:
    assert short_tier_typo(typed, TIER_WORDS) == tier


def test_chat_names_file_is_valid_and_names_known_vendors(shipped_index: MatchIndex) -> None:
    aliases = vendor_aliases()
    assert aliases["ds"] == "deepseek" and aliases["z ai"] == "zhipu"
    known = set(shipped_index.lexicon.vendor_of.values())
    assert set(aliases.values()) <= known


def _found(index: MatchIndex, text: str) -> set[str]:
    return {m.model_id for m in index.mentions(text).mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("moving the agent to qwen coder 480b", {"qwen3-coder-480b-a35b-instruct"}),  # longer than the strict hit
        ("ds v3.2 for the classifier", {"deepseek-v3.2"}),  # a curated vendor name
        ("on the z.ai side we use 5.1 for agents", {"glm-5.1"}),  # a bare version by its vendor
        ("our moonshot deployment runs k2.7-code", {"kimi-k2.7-code"}),
        ("pls add qwne flash to the picker", {"qwen-flash"}),  # a digitless typo of a family
        ("we use Gml-4.6 for summaries", {"glm-4.6"}),
        ("anyone tried gpt5.1codexmax for code review?", {"gpt-5.1-codex-max"}),  # glued after a version
        ("switched the local agent to phi4:14b", {"phi-4"}),  # Ollama size from the parameter count
        ("we tried Perplexity Sonar for search", {"sonar"}),  # one word with its vendor before it
        ("Qwen3.6 35B keeps timing out", {"qwen3.6-35b-a3b"}),
        ("meta maverick scored best on the eval", {"llama-4-maverick-17b-instruct"}),  # a nickname by its vendor
        ("costs on comand r+ went up", {"command-r-plus"}),  # a dropped letter in a family, no anchor by it
        ("benchmarks for grokk-3?", {"grok-3"}),  # a doubled letter is a slip, not "grok" glued to "k"
        ("sonarr pro in prod since monday", {"sonar-pro"}),  # and "prod" stays production, not "pro"
    ],
)
def test_second_pass_finds(shipped_index: MatchIndex, text: str, expected: set[str]) -> None:
    assert _found(shipped_index, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "gcc -O3 made it faster",  # a flag
        "ozone (O3) is toxic at ground level",
        "fyi R1 round of interviews on thursday",  # a short name without model talk
        "+1 need a rubber duck for 5 min!",  # "min" is no typo of "mini" without the family
        "claude-sonet-5.9 doesn't exist lol",  # a typed version the catalog lacks: not the tier-less model
        "see s3://ml-artifacts/llama/checkpoints/step-2000",  # a number in a path
        "hit Command-A to select all lol",
        "Is the latest Kimi any good?",  # a moving pointer is not what a family word means
        "our gpt bill is mostly output tokens",
        "`for command in commands:`",  # a plain word inside code
        "fyi the 3 pro licenses expire monday",  # whose 3 Pro?
        "glm air keeps ignoring the system prompt",  # GLM-4 Air or GLM-4.5 Air: a shared nickname is nobody's
        "gcc o3 vs o2, which is faster?",  # a compiler's flags, though "vs" is model talk
        "compare the o3 vs o2 builds for the model server",  # a series of flags: no model is called o2
        "BMW S1000RR vs R1 for the track day",  # a motorbike
    ],
)
def test_second_pass_stays_silent(shipped_index: MatchIndex, text: str) -> None:
    assert _found(shipped_index, text) == set()


def test_other_vendors_family_before_a_short_name_vetoes_it(shipped_index: MatchIndex) -> None:
    assert _found(shipped_index, "any reason not to use Phi-3.5-mini for the support bot?") == {"phi-3.5-mini-instruct"}


def test_pasted_id_is_read_whole(shipped_index: MatchIndex) -> None:
    found = _found(shipped_index, "loading Qwen/Qwen3-30B-A3B-Instruct-2507-FP8 now")
    assert found == {"qwen3-30b-a3b-instruct-2507"}


@pytest.mark.parametrize(
    ("query", "model_id"),
    [
        ("qwne plus", "qwen-plus"),  # typo through the generated forms
        ("gpt5.1codexmax", "gpt-5.1-codex-max"),
        ("hermes3:70b", "hermes-3-70b-instruct"),
        ("sakana fugu", "fugu"),  # a leading vendor word
        ("anthracite magnum v4 72b", "magnum-v4-72b"),  # a maker the catalog does not hold, then a whole name
        ("gemini two point five flash", "gemini-2.5-flash"),  # a version in words
        ("kimi k two point six", "kimi-k2.6"),
        ("hermes 4 405", "hermes-4-405b"),  # a size written without its "b"
    ],
)
def test_resolve_through_forms(shipped_index: MatchIndex, query: str, model_id: str) -> None:
    assert shipped_index.resolve(query).model_id == model_id


@pytest.mark.parametrize(
    "query", ["grok", "claude opus", "gemini flash", "5", "32b", "pro?", "llama 3.1", "qwen2.5", "foobar-13b-chat"]
)
def test_resolve_never_answers_a_family_or_a_bare_number(shipped_index: MatchIndex, query: str) -> None:
    with pytest.raises(CatalogError):
        shipped_index.resolve(query)


def test_a_latest_pointer_answers_when_latest_is_typed(shipped_index: MatchIndex) -> None:
    assert shipped_index.resolve("claude-opus-latest").model_id == "claude-opus-latest"
    with pytest.raises(AmbiguousModel) as caught:
        shipped_index.resolve("claude opus")
    assert "claude-opus-latest" in [mid for mid, _ in caught.value.candidates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://huggingface.co/Qwen/Qwen3.6-35B-A3B", {"qwen3.6-35b-a3b"}),  # a model page names its model
        ("https://openrouter.ai/anthropic/claude-sonnet-4.5 lists providers", {"claude-sonnet-4.5"}),
        ("`@cf/meta/llama-3.1-8b-instruct` on Workers AI", {"llama-3.1-8b-instruct"}),  # Cloudflare's ids
        ("`CohereForAI__aya-expanse-32b`", {"aya-expanse-32b"}),  # a hub cache's org__repo
        ("k2 vs opus 4.6?", {"kimi-k2-instruct", "claude-opus-4.6"}),
        (
            "tried nemotron3-nano in the playground",
            {"nemotron-3-nano-30b-a3b"},
        ),  # its one size left out  # Kimi K2 is called "k2", K2-Think is not
        ("rm -rf models--ByteDance-Seed--UI-TARS-1.5-7B", {"ui-tars-7b"}),  # ...and models--org--repo
        ("downloaded meta-llama_Llama-3.2-1B-Instruct", {"llama-3.2-1b-instruct"}),  # LM Studio's org_repo
        ("`ollama cp deepseek-r1:70b my-coder`", {"deepseek-r1-distill-llama-70b"}),  # Ollama's distill tag
        ("`ollama pull phi4:14b && ollama pull mistral:7b`", {"phi-4", "mistral-7b-instruct"}),
        ("codex mini keeps returning empty completions", {"codex-mini"}),  # a tier only some families have
        ("moved from Gemini 2 Flash to Opus 4.5", {"gemini-2.0-flash", "claude-opus-4.5"}),  # 2 is 2.0
        ("should we use command-r-08-2024 or Command R+?", {"command-r", "command-r-plus"}),  # "+" is "plus"
        ("we moved to llamaguard4 for moderation", {"llama-guard-4-12b"}),  # the family glued to its next word
        ("pricing for dalle3?", {"dall-e-3"}),
        ("#mercury2 trending again", {"mercury-2"}),  # a family glued to its number is written as an id
        ("sonnet45 vs gpt5", {"claude-sonnet-4.5", "gpt-5"}),  # the family left out, glued, dot dropped
        # "llama" names Meta (most models carrying it), not NVIDIA's Llama Nemotrons
        ("on the llama side we use 3.1 8b for agents", {"llama-3.1-8b-instruct"}),
        ("eval_claudeopus4.5_v2.jsonl has the outputs", {"claude-opus-4.5"}),  # "_v2" is the file's suffix
        # glued words made of words that stand together in a name, with no family among them, or after "o4"/"k2"
        ("we use nanobanana2 for stickers", {"nano-banana-2"}),
        ("o4minihigh for evals", {"o4-mini-high"}),
        ("kimik2thinkingturbo is fast", {"kimi-k2-thinking-turbo"}),
        ("dsr1 for math", {"deepseek-r1"}),  # a vendor's chat name glued to a short name
        ("we use nanobanana for stickers", {"nano-banana"}),  # no digit: the fast path reads glued pairs too
        ("yilarge on the router", {"yi-large"}),  # a family of two or three letters glued to its tier
        ("gptaudio for calls", {"gpt-audio"}),
        ("Mercury Coder is the diffusion one, stupid fast", {"mercury-coder-small-beta"}),  # a beta's size left out
    ],
)
def test_pasted_and_spelled_forms(shipped_index: MatchIndex, text: str, expected: set[str]) -> None:
    assert _found(shipped_index, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "spin up a t3.medium for the worker",  # instance types, images and versions are no model ids
        "r6i.2xlarge is cheaper",
        "python:3.11-slim broke the build",
        "deploy v2.3.1 to prod",
        "the runbook step 3 says restart the pod",
        "see https://docs.example.com/models/gpt-4o for the table",  # a link that is not a model page
        "base url is https://openrouter.ai/api/v1",  # a hub's own page, not a model's
        "fyi api v3 is the only supported version now",  # "v3" of anything; "M2" is Apple's
        "press command r to rerun the test in xcode",  # a key stroke
        "random: deep research on competitors is due friday",  # "deep" is a family word, no vendor
        "the eval is too slow on my M2 air",
        "https://huggingface.co/docs/transformers/v4.1 says so",
        "reminder: K2 base camp trek photos are up",
        "step3 of the runbook failed again",  # a numbered step, glued
        "instance type r6i.2xlarge is cheaper",  # a count glued to a word, in price talk
        "my m2pro macbook is faster",
        "philosophy of mind is off topic",  # a word that starts like a family ("phi") and is no name
    ],
)
def test_ids_and_versions_that_are_not_models(shipped_index: MatchIndex, text: str) -> None:
    assert _found(shipped_index, text) == set()


@pytest.mark.parametrize(
    ("query", "model_id"),
    [
        ("gpt4omini", "gpt-4o-mini"),
        ("glm4.6vflash", "glm-4.6v-flash"),
        ("phi4-mini:3.8b", "phi-4-mini"),
        ("k2", "kimi-k2-instruct"),
    ],
)
def test_resolve_glued_version_letters_and_rounded_sizes(shipped_index: MatchIndex, query: str, model_id: str) -> None:
    assert shipped_index.resolve(query).model_id == model_id


def test_a_typed_family_is_never_swapped_for_another(shipped_index: MatchIndex) -> None:
    with pytest.raises(CatalogError):
        shipped_index.resolve("gemini 4 ultra")  # Google's Imagen 4 Ultra is no Gemini


@pytest.mark.parametrize("text", ["gpt-4o: 1,200 in", "we run 1,200 requests on gpt-4o", "gpt-4o and 1"])
def test_a_bare_whole_number_names_no_model(shipped_index: MatchIndex, text: str) -> None:
    assert _found(shipped_index, text) == {"gpt-4o"}  # "whisper-1" does not make "1" Whisper


def test_a_pasted_run_of_digits_is_no_size(shipped_index: MatchIndex) -> None:
    """ "hermes 4 999…9" with thousands of digits: not found, never an int() of the whole run (fuzz found it)."""
    with pytest.raises(CatalogError):
        shipped_index.resolve("hermes 4 " + "9" * 5000)
