"""Japanese asks in the English the question parser reads: "gpt-5.4 nano の料金は？" is "gpt-5.4 nano price?".

Japanese writes no spaces, so the glossary's word-by-word pass cannot read it. This pass rewrites the procurement
terms (price, context length, max output, licence, monthly cost, availability), the two sentence shapes a team
uses for traffic ("1日 5,000 リクエスト", "月 200,000 リクエスト") and for a comparison ("A は B より最大出力が
大きいですか"), then blanks every Japanese character left (particles and words the rules do not need). It runs only
on a message holding kana or kanji; model names are Latin and stay as written.
"""

from __future__ import annotations

import re

from bot.answers.questions.spoken import short_count

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]+")
#: Full-width punctuation as ASCII.
_PUNCTUATION = str.maketrans({"？": "?", "、": ", ", "。": ". ", "・": ", ", "（": " (", "）": ") ", "：": ": ",
                              "，": ", ", "！": "!", "／": "/", "～": "~"})  # fmt: skip
#: "100万" is 1,000,000 (万 is ten thousand).
_MAN = re.compile(r"(?<![\d.])(\d{1,6}(?:\.\d{1,3})?)\s{0,2}万")
#: Sentence shapes, rewritten whole.
_SHAPES = (
    # "1日 5,000 リクエスト" / "月 200,000 リクエスト": the period before the count
    (re.compile(r"(?:1日|一日|毎日)(?:あたり)?\s{0,2}([\d,.]{1,14}\s?[kKmM]?)\s{0,2}(?:リクエスト|回|件)"),
     r" \1 requests a day "),
    (re.compile(r"(?:月|毎月|1か月|1ヶ月|ひと月)(?:あたり|に)?\s{0,2}([\d,.]{1,14}\s?[kKmM]?)\s{0,2}(?:リクエスト|回|件)"),
     r" \1 requests a month "),
    # "A は B より最大出力が大きいですか": is A's max output bigger than B's?
    (re.compile(r"^([^\n]{1,60}?)\s?は\s?([^\n]{1,60}?)\s?より\s?([^\n]{1,30}?)\s?が\s?(大きい|多い|長い)(?:ですか|でしょうか)?"),
     r"is \1 \3 bigger than \2"),
    (re.compile(r"^([^\n]{1,60}?)\s?は\s?([^\n]{1,60}?)\s?より\s?([^\n]{1,30}?)\s?が\s?(安い|低い)(?:ですか|でしょうか)?"),
     r"is \1 \3 cheaper than \2"),
    # "X は P で使えますか": is X available on P?
    (re.compile(r"^([^\n]{1,60}?)\s?は\s?([A-Za-z][\w .-]{1,30}?)\s?(?:で|に)\s?(?:使えますか|利用できますか|ありますか"
                r"|提供されていますか)"),
     r"is \1 available on \2"),
    # "X トークンあたり": per X tokens
    (re.compile(r"(?<![\d.,])([\d.,]{1,14}\s?[kKmM]?)\s{0,2}トークンあたり"), r" per \1 tokens "),
)  # fmt: skip
#: Terms, longest first.
_TERMS = (
    ("最大出力トークン数", " max output tokens "), ("最大出力", " max output "), ("出力上限", " max output "),
    ("コンテキストウィンドウ", " context window "), ("コンテキスト長", " context window "),
    ("コンテキスト", " context "), ("料金", " price "), ("価格", " price "), ("値段", " price "),
    ("月額", " monthly cost "), ("月いくら", " how much per month "), ("いくら", " how much "),
    ("ライセンス", " license "), ("オープンウェイト", " open weights "), ("オープンソース", " open source "),
    ("商用利用", " commercial use "), ("商用", " commercially "), ("リクエスト", " requests "),
    ("トークン", " tokens "), ("入力", " input "), ("出力", " output "), ("教えてください", " please tell me "),
    ("それと", " and "), ("何ですか", " what is "),
    ("で使えますか", ", is it available "), ("で利用できますか", ", is it available "),
    ("にありますか", ", is it available "), ("使えますか", ", is it available "), ("ありますか", ", is it available "),
)  # fmt: skip


def from_japanese(text: str) -> str:
    """``text`` with its Japanese read into English terms; unchanged when it holds no Japanese."""
    if not _JAPANESE.search(text):
        return text
    text = _MAN.sub(lambda m: short_count(int(float(m.group(1)) * 10_000)), text.translate(_PUNCTUATION))
    for pattern, english in _SHAPES:
        text = pattern.sub(english, text)
    for term, english in _TERMS:
        text = text.replace(term, english)
    return re.sub(r"[ \t]{2,}", " ", _RUN.sub(" ", text)).strip()
