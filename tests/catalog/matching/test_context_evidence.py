"""What counts as context for a name made of everyday words or left without its family: another model named in
the same message, the model's own lab, the job it is given, its family named beside a sibling, a sibling's
nickname. Each row pairs with a line that must stay silent."""

from __future__ import annotations

import pytest

from catalog.matching.index import MatchIndex


def _found(index: MatchIndex, text: str) -> set[str]:
    return {m.model_id for m in index.mentions(text).mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another model named in the message
        ("gpt-4o and nova lite both missed the date", {"gpt-4o", "nova-lite"}),
        ("sonar pro and qwen max gave the same answer", {"sonar-pro", "qwen-max"}),
        # the model's own lab named
        ("perplexity sonar reasoning pro is what legal wants", {"sonar-reasoning-pro"}),
        ("amazon nova micro is dirt cheap", {"nova-micro"}),
        # the job a team gives it
        ("we'll use 2.5 flash for the tagging backlog", {"gemini-2.5-flash"}),
        # the family named beside a sibling left without it
        ("gpt 5 mini for drafts, 5 nano for routing", {"gpt-5-mini", "gpt-5-nano"}),
        # a sibling's nickname
        ("scout vs maverick on our RAG evals", {"llama-4-scout-17b-instruct", "llama-4-maverick-17b-instruct"}),
        ("Meta's scout on our eval: fine", {"llama-4-scout-17b-instruct"}),  # a tier-word nickname by its lab
        # a family capitalised mid-sentence, with its number
        ("is Mercury 2 good enough for the demo", {"mercury-2"}),
        # a name the second pass trusts is context for the others; a score after a name is no version
        ("results: Arcee Blitz 64%, Virtuoso Large 70%", {"arcee-blitz", "virtuoso-large"}),
        # a one-word name made of a family and a known word, written apart
        ("switched the scans to hunyuan ocr", {"hunyuanocr"}),
        # versions spoken in words after a family (and its tier), and a dot written with spaces
        ("gemini two point five flash is fine for npc barks", {"gemini-2.5-flash"}),
        ("claude sonnet four point five for hard tickets", {"claude-sonnet-4.5"}),
        ("llama three point three seventy b is our baseline", {"llama-3.3-70b-instruct"}),
        ("qwen 2 . 5 72b for the lore generator", {"qwen2.5-72b-instruct"}),
        # a model flag's value in pasted code is an id however short
        ("`aider --model o3 --editor-model gpt-4.1` is the combo", {"o3", "gpt-4.1"}),
        # a parameter count written with a space
        ("llama 3.3 70 b on groq is fast", {"llama-3.3-70b-instruct"}),
        # a row number before a family word is not the name's
        ("3  Solar Pro 2   0.80", {"solar-pro2"}),
        # talk words inflected ("refactored" is "refactor" talk)
        ("nova lite refactored the parser in one go", {"nova-lite"}),
        # two everyday-word names are context for each other
        ("nova lite for triage, sonar pro for the hard tickets", {"nova-lite", "sonar-pro"}),
        # the vendor's possessive before a one-word name
        ("Perplexity's Sonar answers the news questions", {"sonar"}),
        # two models either side of a slash
        ("gpt-4.1/claudeopus4.1 split for drafts vs review", {"gpt-4.1", "claude-opus-4.1"}),
        # a product's name written title-case at the start of a sentence, where the family's own capital says nothing
        ("Sonar Reasoning Pro is the careful one", {"sonar-reasoning-pro"}),
        # a dot said as a word between digits; a series letter before a number in words
        ("honestly llama 3 point 3 70b is still fine for macros", {"llama-3.3-70b-instruct"}),
        ("kimi k two point six writes the quest text", {"kimi-k2.6"}),
        # a long word that squashes to one model's name
        ("nanobananapro made the shop sign", {"nano-banana-pro"}),
        # what a team did with it
        ("we tested 2.5 flash on the FAQ", {"gemini-2.5-flash"}),
        # a parameter count written before its family (a plain row number there stays a row number)
        ("the 405b llama 3.1 is overkill for our chatbot", {"llama-3.1-405b-instruct"}),
    ],
)
def test_context_from_the_message(shipped_index: MatchIndex, text: str, expected: set[str]) -> None:
    assert _found(shipped_index, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "we drove through nova scotia with the kids",  # no model, no lab, no job
        "plan b is 70 b params for us",  # a spaced size with no name before it
        "we asked claude to write two tests and five docs",  # number words after other words stay words
        "the command line tool and the sonar scan both failed in CI",
        "maverick and goose went to the scout camp",  # two nicknames, but no model talk
        "release 2.5 flash sale starts friday",  # no model talk
        "got the Arctis Nova Pro headphones and a gpt-4o sticker",  # another maker's product stays vetoed
        "the Mercury 7 astronauts trained here",  # no Mercury 7 model
        "opus 2 is the best of the beethoven piano sonatas",  # music: the other sense of "opus"
        "a sonnet 4 lines short of a poem",  # poetry
        "we moved the onboarding assistant to gpt-4o",  # "assistant" is no nickname beside another model's name
        "cohere handles the arabic and gpt-4o the english docs",  # a language is no nickname, even by its lab
        "gpt-4o sits behind the router model",  # words that describe a model are a name only written as an id
        "qwen/qwen3-32b on openrouter",  # an org and its model, not two models
        "open a command prompt and run the installer as admin",  # the article before the family word
        "our R1 release candidate ships Friday",  # a release is no model talk
        "we use 3 point 2 of the plan",  # "point" between numbers with no family before them
    ],
)
def test_no_context_no_name(shipped_index: MatchIndex, text: str) -> None:
    assert _found(shipped_index, text) <= {"gpt-4o", "qwen3-32b"}
