"""resolve / mentions / suggest on the shipped catalog, table-driven; plus the labelled eval set."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.errors import AmbiguousModel, ModelNotFound
from catalog.matching.index import MatchIndex
from catalog.models import Model
from tests.paths import FIXTURES
from tools.evaluate_chat import SETS as CHAT
from tools.evaluate_chat import evaluate as evaluate_chat
from tools.evaluate_identity import load_rows as load_jsonl
from tools.evaluate_matching import evaluate, load_rows, predicted

EVAL = load_rows(FIXTURES / "mention_eval.jsonl")
#: Known misses: kept as strict xfail rows so a fix shows up as XPASS (then move the row out of here).
KNOWN_MISSES: dict[str, str] = {}  # "gptoss" (glued) was the last one: glued words are split since #13

RESOLVE = [
    ("gpt-4o", "gpt-4o"),
    ("GPT-4o", "gpt-4o"),
    ("gpt4o mini", "gpt-4o-mini"),
    ("gpt 4o mini", "gpt-4o-mini"),
    ("claude opus 4.5", "claude-opus-4.5"),
    ("opus 4.1", "claude-opus-4.1"),
    ("claude sonet 4.5", "claude-sonnet-4.5"),
    ("qwen2 7b", "qwen2-7b-instruct"),
    ("qwen2.5 7b", "qwen2.5-7b-instruct"),
    ("Qwen2-7B-Instruct", "qwen2-7b-instruct"),
    ("gpt5.3 codex spark", "gpt-5.3-codex-spark"),
    ("codex spark", "gpt-5.3-codex-spark"),
    ("ling 2.6 flash", "ling-2.6-flash"),
    ("inclusionAI: Ling-2.6 Flash", "ling-2.6-flash"),
    ("ling-2.6-1t", "ling-2.6-1t"),
    ("llama 3.3 70b", "llama-3.3-70b-instruct"),
    ("gemini 2.5 pro", "gemini-2.5-pro"),
    ("deepseek r1", "deepseek-r1"),
    ("o3", "o3"),
    ("kimi k2.6", "kimi-k2.6"),
]
AMBIGUOUS = [
    ("claude", "claude-opus-4.5"),
    ("gemini 2.5", "gemini-2.5-flash"),
    ("gpt-5.3", "gpt-5.3-codex-spark"),
]
NOT_FOUND = ["zzzz model", "the quarterly report", "gpt-99 ultra"]
#: A typed version or tier never resolves to a model with another one.
GUARDED = [
    ("gpt-4o", "gpt-4o-mini"),
    ("claude opus 4.5", "claude-opus-4.1"),
    ("qwen2 7b", "qwen2.5-7b-instruct"),
    ("ling 2.6 flash", "ling-2.6-1t"),
    ("gemini 2.5 pro", "gemini-2.5-flash"),
    ("gpt-5", "gpt-5-mini"),
]


@pytest.mark.parametrize(("query", "model_id"), RESOLVE)
def test_resolve(shipped_index: MatchIndex, query: str, model_id: str) -> None:
    assert shipped_index.resolve(query).model_id == model_id


@pytest.mark.parametrize(("query", "member"), AMBIGUOUS)
def test_ambiguous_lists_ranked_candidates(shipped_index: MatchIndex, query: str, member: str) -> None:
    with pytest.raises(AmbiguousModel) as err:
        shipped_index.resolve(query)
    ids = [i for i, _ in err.value.candidates]
    assert member in ids and 1 < len(ids) <= 25


@pytest.mark.parametrize("query", NOT_FOUND)
def test_not_found(shipped_index: MatchIndex, query: str) -> None:
    with pytest.raises(ModelNotFound) as err:
        shipped_index.resolve(query)
    assert err.value.query == query and len(err.value.suggestions) <= 3


@pytest.mark.parametrize(("query", "never"), GUARDED)
def test_version_guard(shipped_index: MatchIndex, query: str, never: str) -> None:
    # offering candidates is fine; resolving to the wrong tier or version is not
    with contextlib.suppress(AmbiguousModel):
        assert shipped_index.resolve(query).model_id != never


MENTIONS = [
    (
        "gpt5.3 codex spark vs ling 2.6 flash?",
        [("gpt5.3 codex spark", "gpt-5.3-codex-spark"), ("ling 2.6 flash", "ling-2.6-flash")],
    ),
    ("Qwen2 7B instruct is tiny", [("Qwen2 7B instruct", "qwen2-7b-instruct")]),
    (
        "claude sonet 4.5 or llama3.3 70b",
        [("claude sonet 4.5", "claude-sonnet-4.5"), ("llama3.3 70b", "llama-3.3-70b-instruct")],
    ),
    ("what about gpt-4o vs gpt-4o mini", [("gpt-4o", "gpt-4o"), ("gpt-4o mini", "gpt-4o-mini")]),
    (
        "is Ling-2.6-1T better than ling-2.6 flash",
        [("Ling-2.6-1T", "ling-2.6-1t"), ("ling-2.6 flash", "ling-2.6-flash")],
    ),
    ("qwen2 7b vs qwen2.5 7b", [("qwen2 7b", "qwen2-7b-instruct"), ("qwen2.5 7b", "qwen2.5-7b-instruct")]),
    ("o3 is cheap now", [("o3", "o3")]),
]
SILENT = [
    "flash the firmware",
    "a sonnet",
    "gemini season",
    "mistral wind",
    "opus",
    "bump it to 4.5",
    "https://example.com/gpt-4o",
    "<@1234> ping",
    ":rocket:",
    "🚀",
    "step 3 of the runbook",
    "the r1 branch",
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_mentions_with_spans(shipped_index: MatchIndex, text: str, expected: list[tuple[str, str]]) -> None:
    found = shipped_index.mentions(text).mentions
    assert [(m.text, m.model_id) for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("text", SILENT)
def test_ordinary_chat_is_silent(shipped_index: MatchIndex, text: str) -> None:
    assert shipped_index.mentions(text).mentions == ()


@pytest.mark.parametrize(
    ("text", "family"),
    [("is claude any good?", "claude"), ("Is Gemini any good?", "gemini"), ("thoughts on qwen?", "qwen")],
)
def test_family_alone_is_a_hint_not_a_match(shipped_index: MatchIndex, text: str, family: str) -> None:
    result = shipped_index.mentions(text)
    assert result.mentions == () and family in result.families


def test_english_family_words_give_no_hint(shipped_index: MatchIndex) -> None:
    assert shipped_index.mentions("gemini season is here").families == ()


@pytest.mark.parametrize("prefix", ["", "g", "gpt-4", "ling", "claude opus", "cladue", "qwen2 7", "x" * 300])
def test_suggest_is_bounded(shipped_index: MatchIndex, prefix: str) -> None:
    choices = shipped_index.suggest(prefix)
    assert len(choices) <= 25
    assert all(1 <= len(name) <= 100 and 1 <= len(value) <= 100 for name, value in choices)


@pytest.mark.parametrize(
    ("prefix", "first"), [("ling 2.6", "ling-2.6-flash"), ("gpt-5.3-codex-sp", "gpt-5.3-codex-spark")]
)
def test_suggest_ranks_prefix_hits(shipped_index: MatchIndex, prefix: str, first: str) -> None:
    assert shipped_index.suggest(prefix)[0][1] == first


def test_suggest_corrects_typos(shipped_index: MatchIndex) -> None:
    assert any("Claude" in name for name, _ in shipped_index.suggest("cladue"))


def test_eval_set_shape() -> None:
    positives = [r for r in EVAL if r["expect"]]
    negatives = [r for r in EVAL if not r["expect"]]
    assert len(EVAL) >= 400 and len(negatives) >= 200
    assert len({m for r in positives for m in r["expect"]}) >= 80  # type: ignore[attr-defined]


def test_eval_precision_and_recall(shipped_index: MatchIndex) -> None:
    report = evaluate(shipped_index, EVAL)
    assert report.precision >= 0.995, report.errors
    assert report.recall >= 0.97, report.errors


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(r, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[str(r["text"])]))
        if r["text"] in KNOWN_MISSES
        else r
        for r in EVAL
    ],
    ids=[str(i) for i in range(len(EVAL))],
)
def test_eval_row(shipped_index: MatchIndex, row: dict[str, object]) -> None:
    assert predicted(shipped_index, str(row["text"])) == set(row["expect"])  # type: ignore[call-overload]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.text(max_size=4000),
        st.text(
            alphabet=st.sampled_from(list("gpt-4o claude 4.5 `*_~<@#>:\u200b\u200f\u202e\u0627 ")),
            max_size=600,
        ),
        st.builds(lambda n: "gpt-4o " * n, st.integers(0, 700)),
    )
)
def test_any_input_is_safe(shipped_index: MatchIndex, text: str) -> None:
    """Empty, whitespace, 4,000-char, zero-width, right-to-left, markdown and mention-laden input."""
    result = shipped_index.mentions(text)
    for m in result.mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
    shipped_index.suggest(text[:100])
    with contextlib.suppress(AmbiguousModel, ModelNotFound):
        shipped_index.resolve(text[:200])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("switched the default to `gpt-5-mini`", {"gpt-5-mini"}),
        ('ChatOpenAI(model="gpt-4o-mini", temperature=0)', {"gpt-4o-mini"}),
        ("```yaml\nprimary: deepseek/deepseek-v3.2\n```", {"deepseek-v3.2"}),
        ("we call it via openrouter/anthropic/claude-sonnet-4.5 now", {"claude-sonnet-4.5"}),
        ("is `o3` worth it?", {"o3"}),
        ("build with `gcc -O3 -ffast-math`", set()),
        ("docs at https://openrouter.ai/openai/gpt-4o", {"gpt-4o"}),  # a model page on a hub names it
        ("docs at https://openrouter.ai/docs/quickstart", set()),
        ("`kubectl get pods` shows nothing", set()),
    ],
)
def test_pasted_ids_are_read(shipped_index: MatchIndex, text: str, expected: set[str]) -> None:
    """Code spans, quoted config values and vendor/model paths name models exactly; flags and links do not."""
    assert {m.model_id for m in shipped_index.mentions(text).mentions} == expected


@pytest.mark.parametrize("name", ["dev", "heldout"])
def test_chat_eval_does_not_regress(shipped_models: list[Model], name: str) -> None:
    """The route-named chat eval (#13): floors at today's levels, so a change that loses ground fails. The
    targets (precision 0.995, recall 0.97, top-1 0.98) are the issue's, not met yet."""
    report = evaluate_chat(shipped_models, load_jsonl(CHAT / f"{name}.jsonl"))
    tp, fp, fn = (sum(getattr(c, k) for c in report.values()) for k in ("tp", "fp", "fn"))
    assert tp / (tp + fp) >= 0.96 and tp / (tp + fn) >= 0.92
    args = report["command_args"]
    assert args.right / args.rows >= 0.93
    assert report["inline_code"].recall >= 0.97


@pytest.mark.parametrize("text", ["a/" * 2000, "`" + "x-" * 2000 + "`", '"' + "gpt-4o/" * 500 + '"'])
def test_hostile_pasted_ids_stay_bounded(shipped_index: MatchIndex, text: str) -> None:
    """A 4,000-character path or code span is looked up in bounded pieces, never segment by segment."""
    from catalog.matching.ids import MAX_ID_CHARS, candidates

    assert all(len(c) <= MAX_ID_CHARS for c in candidates(text[:MAX_ID_CHARS]))
    assert candidates(text) == [] or len(candidates(text)) <= 5
    shipped_index.mentions(text)  # completes; the bench command measures speed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok claudeopus4.5 actually solved it", {"claude-opus-4.5"}),
        ("testing deepseekv3.2 on the evals tonight", {"deepseek-v3.2"}),
        ("eval_kimik2.6_v2.jsonl has the outputs", {"kimi-k2.6"}),
        ("is gptoss 120b open source?", {"gpt-oss-120b"}),
        ("understanding the internationalization bug", set()),
        ("the mistralwind blew all night", set()),
    ],
)
def test_glued_words_split_only_into_a_family_and_known_words(
    shipped_index: MatchIndex, text: str, expected: set[str]
) -> None:
    assert {m.model_id for m in shipped_index.mentions(text).mentions} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("compare gpt-4o-minii against the baseline", {"gpt-4o-mini"}),
        ("how much is gemini 2.5 flsh per million", {"gemini-2.5-flash"}),
        ("grok 4 fsat vs gpt 5 minii", {"grok-4-fast", "gpt-5-mini"}),
        ("gemini 2.5 fsat?", set()),  # no Gemini 2.5 Fast: abstain, never the tier-less Gemini 2.5
        ("we mine 4 blocks a day", set()),
    ],
)
def test_a_typo_in_a_tier_word_never_drops_the_tier(shipped_index: MatchIndex, text: str, expected: set[str]) -> None:
    assert {m.model_id for m in shipped_index.mentions(text).mentions} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we switched the summariser to gpt-oss-120b last sprint", {"gpt-oss-120b"}),  # "last" is not "fast"
        ("our fallback model is nova lite", {"nova-lite"}),  # model talk gives the everyday words context
        ("we tried Nova Lite and it was fine", {"nova-lite"}),  # so does a capitalised family mid-sentence
        ("the nova lite bulb in the hallway is out", set()),
        ("command a response from the team by friday", set()),
        # "Command A": the letter is a stopword; as the name writes it, it is the model
        ("I think Command A is overkill for classification", {"command-a"}),
        ("Command A is fine here", {"command-a"}),
        ("we tried command a vision for the charts", {"command-a-vision"}),
        ("command a did great on the SQL eval", {"command-a"}),  # "a did" is no English
        ("I like command a for drafts", {"command-a"}),
        ("what's command a per 1M?", {"command-a"}),  # the preposition of a question about it
        ("run command a few times and it passes", set()),
        ("press Command-A then Command-C", set()),  # a keyboard shortcut
        ("hit Cmd+A to select all", set()),
        ("I command a small team", set()),
        # how a served model behaves is model talk for a name of two words, never for a short one ("r1" region)
        ("why is codex max so slow today", {"gpt-5.1-codex-max"}),
        ("r1 region outage in the other cloud?", set()),
        # a one-word nickname beside its family word, as beside its lab's ("terminus on deepseek")
        ("scout from llama is the cheap option", {"llama-4-scout-17b-instruct"}),
        ("the agent loop runs on deepseek speciale now", {"deepseek-v3.2-speciale"}),
        ("boy scouts of america", set()),
        ("deep research with terminus", set()),
        # what a team says of a tool it tried is context for two-word names; another maker's word before one is not
        ("ok nova micro is actually good at this", {"nova-micro"}),
        ("my Arctis Nova Pro headset died, good thing it was cheap", set()),
        ("the Deeper Sonar Pro fish finder works great", set()),
        ("is Amazon Nova Pro any good?", {"nova-pro"}),
    ],
)
def test_everyday_word_names_need_context(shipped_index: MatchIndex, text: str, expected: set[str]) -> None:
    assert {m.model_id for m in shipped_index.mentions(text).mentions} == expected
