"""A message rewritten in the plain English the question parser reads, before it is parsed.

Teams write "ctx > 128k?", "price_in, price_out", "contexto de Kimi K2.6 por favor" or "wie viele output
tokens". Rather than teach every intent rule every spelling, a curated glossary turns those words into the
English the rules already know: a few symbols, snake_case labels, and the procurement words of German,
Spanish, French, Italian, Portuguese and Dutch. Words only, one linear pass; model names are left as written (no
entry is a word of a model's name), and code spans are not touched.
"""

from __future__ import annotations

import itertools
import re

from bot.answers.questions.japanese import from_japanese
from bot.answers.questions.spoken import short_count, spoken_numbers

#: Phrases (lower-case, words separated by one space) -> English. Only words that are not English words too
#: ("mit", "die", "come" and one-letter words stay out), so English chat reads exactly as before.
GLOSSARY: dict[str, str] = {
    # which side of the tokens, in several languages ("600 in output", "250 en sortie", "500 de salida")
    "in input": "input", "in output": "output", "en entrée": "input", "en sortie": "output",
    "de entrada": "input", "de salida": "output", "di input": "input", "di output": "output",
    # "tell me"
    "dimmi": "tell me", "dime": "tell me", "dis-moi": "tell me", "sag mir": "tell me", "diga-me": "tell me",
    # German
    "kurze frage": "quick question", "und": "and", "oder": "or", "wie viele": "how many", "wie viel": "how much",
    "was kostet": "how much does", "kostet": "costs", "kosten": "cost", "pro monat": "per month",
    "im monat": "per month", "pro tag": "per day", "am tag": "a day", "täglich": "daily", "monatlich": "monthly",
    "anfragen": "requests", "preis": "price", "preise": "prices", "lizenz": "license",
    "kontextfenster": "context window", "größer": "bigger", "größeres": "bigger", "größere": "bigger",
    "grösser": "bigger", "kleiner": "smaller", "kleineres": "smaller", "billiger": "cheaper",
    "günstiger": "cheaper", "teurer": "more expensive", "als": "than", "hat": "has", "ist": "is",
    "gibt es": "is there", "welche": "which", "welcher": "which", "welches": "which", "modelle": "models",
    "unter welcher lizenz steht": "what license is", "rein": "in", "raus": "out", "eingabe": "input",
    "ausgabe": "output", "kommerziell": "commercially", "nutzen": "use", "dürfen wir": "can we",
    "können wir": "can we", "bitte": "please", "danke": "thanks", "auf": "on", "über": "via",
    "gleich": "same", "anbieter": "providers", "verfügbar": "available", "für": "for", "haben": "have",
    "tokens kontext": "tokens context", "kontext von": "context of", "m kontext": "m context",
    "k kontext": "k context", "den kontext": "the context", "der kontext": "the context",
    "mehr kontext": "more context",
    "größeren kontext": "bigger context", "größten kontext": "biggest context", "jeder": "each", "jede": "each",
    "schickt": "sends", "schicken": "send",
    "nachrichten": "messages", "nutzer": "users", "woche": "week", "pro woche": "per week", "modell": "model",
    "pro million": "per million", "millionen": "million", "unterstützt": "supports",
    "teurer als": "more expensive than",
    # Spanish
    "cuánto cuesta": "how much does", "cuanto cuesta": "how much does", "cuánto": "how much",
    "cuanto": "how much", "cuesta": "costs", "cuestan": "cost", "precio": "price", "precios": "prices",
    "al mes": "per month", "por mes": "per month", "al día": "per day", "al dia": "per day",
    "por día": "per day", "por dia": "per day", "solicitudes": "requests", "peticiones": "requests",
    "licencia": "license", "contexto": "context", "ventana de contexto": "context window",
    "más grande": "bigger", "mas grande": "bigger", "más barato": "cheaper", "mas barato": "cheaper",
    "tiene": "has", "tienen": "have", "qué modelos": "which models", "que modelos": "which models",
    "cuáles": "which", "cuales": "which", "modelos": "models", "por favor": "please", "gracias": "thanks",
    "uso comercial": "commercial use", "comercialmente": "commercially", "entrada": "input", "salida": "output",
    "proveedores": "providers", "disponible": "available", "está": "is", "puedo": "can i", "podemos": "can we",
    "más": "more", "menos": "less", "necesito": "i need", "necesitamos": "we need", "de": "of",
    "por millón": "per million", "millón": "million", "millones": "million", "semana": "week",
    "por semana": "per week", "modelo": "model", "usuarios": "users", "mensajes": "messages",
    # French
    "combien coûte": "how much does", "combien coute": "how much does", "combien": "how much",
    "coûte": "costs", "coute": "costs", "coût": "cost", "prix": "price", "par mois": "per month",
    "par jour": "per day", "requêtes": "requests", "requetes": "requests", "contexte": "context",
    "fenêtre de contexte": "context window", "plus grand": "bigger", "plus grande": "bigger",
    "moins cher": "cheaper", "moins chère": "cheaper", "quels": "which", "quelles": "which", "quel": "which",
    "quelle": "which", "modèles": "models", "modeles": "models", "est-ce que": "is", "est-il": "is it",
    "peut-on": "can we", "pouvons-nous": "can we", "s'il vous plaît": "please", "s'il te plaît": "please",
    "svp": "please", "stp": "please", "merci": "thanks", "utilisation commerciale": "commercial use",
    "commercialement": "commercially", "fournisseurs": "providers", "sortie": "output", "entrée": "input",
    "jetons": "tokens", "sur": "on", "et": "and", "ou": "or", "ça": "it", "coûterait": "would cost",
    "couterait": "would cost", "au mois": "per month", "par semaine": "per week", "par million": "per million",
    "requête": "request", "requete": "request", "par requête": "per request", "modèle": "model",
    "utilisateurs": "users", "messages par jour": "messages per day", "est-ce": "is it",
    "prend en charge": "supports",
    # Italian
    "quanto costa": "how much does", "quanto": "how much", "prezzo": "price", "prezzi": "prices",
    "al mese": "per month", "al giorno": "per day", "richieste": "requests", "licenza": "license",
    "contesto": "context", "finestra di contesto": "context window", "più grande": "bigger",
    "più economico": "cheaper", "più": "more", "meno": "less", "quali": "which", "quale": "which", "modelli": "models",
    "per favore": "please", "grazie": "thanks", "uso commerciale": "commercial use", "fornitori": "providers",
    "disponibile": "available", "uscita": "output", "ingresso": "input", "possiamo": "can we",
    "costerebbe": "would cost", "ci costerebbe": "would cost us", "costa": "costs", "mese": "month",
    "giorno": "day", "settimana": "week", "alla settimana": "per week", "al milione": "per million",
    "per milione": "per million", "milione": "million", "modello": "model", "utenti": "users", "messaggi": "messages",
    "supporta": "supports", "c'è": "is there", "al massimo": "max", "output massimo": "max output",
    "massimo": "maximum", "quanti": "how many", "quanto contesto": "how big a context", "almeno": "at least",
    "di almeno": "of at least",
    "hanno": "have", "commercialmente": "commercially", "scopi commerciali": "commercial use",
    "pesi aperti": "open weights", "che licenza": "which license", "quale licenza": "which license",
    # Polish ("czy" opens a yes/no question; "na Bedrocku" is "on Bedrock")
    "ile kosztuje": "how much does", "ile nas wyniesie": "how much would it cost us", "ile": "how much",
    "kosztuje": "costs", "miesięcznie": "monthly", "dziennie": "a day", "zapytań": "requests",
    "zapytania": "requests", "requestów": "requests", "tokenów": "tokens", "wejścia": "input", "wyjścia": "output",
    "za milion": "per million", "za": "per", "milion": "million", "przy": "at", "czy": "is", "jest": "is",
    "dostępny": "available", "dostępna": "available", "dostępne": "available", "tańszy": "cheaper",
    "tańsza": "cheaper", "tańsze": "cheaper", "droższy": "more expensive", "otwarte wagi": "open weights",
    "licencja": "license", "licencji": "license", "okno kontekstu": "context window", "kontekstu": "context",
    "dzięki": "thanks", "cześć": "hi", "bedrocku": "bedrock", "vertexie": "vertex", "azurze": "azure",
    "groqu": "groq", "ma": "has",
    # Hinglish (Hindi in Latin letters)
    "kitna": "how much", "kitni": "how much", "kitna cost hoga": "how much would it cost", "batao": "tell me",
    "bataiye": "tell me", "mahine ka": "per month", "mahine": "month", "mahina": "month", "roz": "daily",
    "pe": "on", "aur": "and", "hoga": "would be", "karein": "use", "toh": "then",
    # Indonesian
    "berapa": "what is", "harga": "price", "biaya": "cost", "per bulan": "per month", "sebulan": "a month",
    "per hari": "per day", "sehari": "a day", "untuk": "for", "kalau pakai": "if we use", "pakai": "use",
    "tolong": "please", "maksimal": "maximum", "output maksimal": "max output", "apakah": "is",
    "tersedia": "available", "lisensi": "license", "konteks": "context", "jendela konteks": "context window",
    "lebih murah": "cheaper", "lebih besar": "bigger",
    # Portuguese
    "quanto custa": "how much does", "preço": "price", "por mês": "per month", "licença": "license",
    "mais barato": "cheaper", "obrigado": "thanks", "obrigada": "thanks", "saída": "output",
    "por milhão": "per million", "milhão": "million", "janela de contexto": "context window",
    "requisições": "requests", "requisicoes": "requests",
    # Dutch ("dan" is "than" only after a comparative: it is a name too)
    "wat kost": "how much does", "kost": "costs", "hoeveel": "how much", "miljoen": "million",
    "per maand": "per month", "per dag": "per day", "goedkoper dan": "cheaper than", "goedkoper": "cheaper",
    "duurder dan": "more expensive than", "duurder": "more expensive", "groter dan": "bigger than",
    "groter": "bigger", "licentie": "license", "commercieel": "commercially", "gebruiken": "use",
    "mag je": "can we", "mogen we": "can we", "kunnen we": "can we", "verzoeken": "requests",
    "aanvragen": "requests", "contextvenster": "context window", "welke": "which", "modellen": "models",
    "alsjeblieft": "please", "graag": "please", "bedankt": "thanks", "uitvoer": "output", "invoer": "input",
    "heeft": "has", "beschikbaar": "available", "aanbieders": "providers", "is het": "is it",
    "geef me": "give me", "prijs": "price", "prijzen": "prices", "prijs van": "price of", "hoe groot": "how big",
}  # fmt: skip
#: A comparison's second half in Romance languages ("más contexto que", "plus grand que"): "que"/"di"/"do" is
#: "than" only after a comparative word within a few words, never alone ("que" is also "that").
_THAN = re.compile(r"\b(más|mas|menos|plus|moins|più|meno|mais)\b([^?!.\n]{1,40}?)\b(?:que|di|do)\b")
#: Symbols a terse comparison or filter uses ("ctx > 128k", "context_window >= 256000").
_SYMBOLS = ((re.compile(r"\s?(?:>=|≥)\s?"), " at least "), (re.compile(r"\s?(?:<=|≤)\s?"), " at most "))
_BETWEEN_WORDS = re.compile(r"(?<=\w)\s+([<>])\s+(?=\w)")  # not "> quoted" lines, "<@123>" pings or "=>"
#: A label written in snake_case ("max_output", "price_in"): letters only, so ids ("org__repo", "gpt_4o") stay.
_SNAKE = re.compile(r"(?<![\w./-])[a-z]+(?:_[a-z]+)+(?![\w./-])", re.IGNORECASE)
_ABBREVIATIONS = {"ctx": "context", "pls": "please", "plz": "please"}
_CODE = re.compile(r"```.*?(?:```|$)|`[^`\n]*`", re.DOTALL)
_WORDS = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)?")
_FIRST: dict[str, list[tuple[list[str], str]]] = {}
#: "3 mil" (a thousand in Spanish and Portuguese; "3 mil" is a million in English chat) and words that say the
#: message is Spanish or Portuguese.
_MIL = re.compile(r"(\d) mil\b", re.IGNORECASE)
#: Scale words of Indian English and Indonesian after a number.
_LOCAL_SCALE = re.compile(r"(?<![\d.,])(\d{1,4}(?:[.,]\d{1,2})?) ?(lakhs?|crores?|ribu|juta)\b", re.IGNORECASE)
_LOCAL_SCALES = {"lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000, "ribu": 1_000,
                 "juta": 1_000_000}  # fmt: skip


#: "A ka X B se bada hai kya": is A's X bigger than B's (Hindi puts the comparison after both)?
_HINGLISH_COMPARED = re.compile(
    r"^([^\n]{1,60}?) ka ([^\n]{1,30}?) ([^\n]{1,60}?) se"
    r" (bada|badi|bade|zyada|lamba|lambi|sasta|sasti|mehenga|mehengi) (?:hai|he) kya\b",
    re.IGNORECASE,
)
_HINGLISH_MORE = {"sasta": "cheaper", "sasti": "cheaper", "mehenga": "more expensive", "mehengi": "more expensive"}


def _compared(m: re.Match[str]) -> str:
    return f"is {m.group(1)}'s {m.group(2)} {_HINGLISH_MORE.get(m.group(4).lower(), 'bigger')} than {m.group(3)}'s"


def _scaled(m: re.Match[str]) -> str:
    value = float(m.group(1).replace(",", ".")) * _LOCAL_SCALES[m.group(2).lower()]
    return short_count(int(value))


_IBERIAN = re.compile(
    r"\b(?:por|quanto|cuánto|cuanto|custa|cuesta|cuestan|mês|mes|día|dia|com|con|al|ao|fica|sale|tokens de"
    r"|solicitudes|peticiones|requisições|pedidos)\b",
    re.IGNORECASE,
)
#: Nouns a name is glued to with a hyphen ("MiniMax-Modelle", "Claude-Lizenz").
_TAILS = frozenset({"modelle", "modell", "modelos", "modelo", "modèles", "modèle", "modelli", "modello", "modellen",
                    "lizenz", "preis", "preise", "kosten", "kontextfenster"})  # fmt: skip
for _phrase, _english in sorted(GLOSSARY.items(), key=lambda kv: -len(kv[0])):
    _FIRST.setdefault(_phrase.split(" ", 1)[0], []).append((_phrase.split(" "), _english))


#: The words a question about a model turns on, and English words one slip away from them that must stay.
_ASKED = frozenset(
    {"which", "context", "window", "license", "licence", "commercial", "commercially", "weights", "output",
     "outputs", "input", "pricing", "cheaper", "cheapest", "monthly", "tokens", "available", "support", "supports",
     "deprecated", "benchmark", "benchmarks", "providers", "provider", "parameters", "release", "released",
     "knowledge", "maximum", "compare"}
)  # fmt: skip
_REAL_WORDS = frozenset(
    {"widow", "provide", "provides", "eights", "ricing", "weighs", "wights", "token", "weight", "parameter",
     "deprecate"}
)  # fmt: skip


def _slips(word: str) -> set[str]:
    """``word`` with one letter left out or two neighbours swapped: the slips a hurried writer makes (a letter
    swapped for another is left alone: "contest" is a word, not "context")."""
    left_out = {word[:i] + word[i + 1 :] for i in range(len(word))}
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    return left_out | swapped


#: Slip -> the ask word it stands for; five letters at least, never an English word or an ask word itself.
TYPOS: dict[str, str] = {
    slip: word
    for word in sorted(_ASKED)
    for slip in sorted(_slips(word))
    if len(slip) >= 5 and slip not in _ASKED and slip not in _REAL_WORDS and slip != word
}


def gloss(text: str) -> str:
    """``text`` with the glossary's words in English, outside code spans."""
    text = from_japanese(text)  # no spaces to split words at: its own pass
    if _MIL.search(text) and _IBERIAN.search(text):  # "3 mil requests por dia" is 3,000 in Spanish and Portuguese
        text = _MIL.sub(lambda m: f"{m.group(1)} thousand", text)
    text = _LOCAL_SCALE.sub(_scaled, text)  # "2 lakh requests", "30 ribu request", "1 juta token"
    text = _HINGLISH_COMPARED.sub(_compared, text)  # "Grok 4 ka context window Grok 3 se bada hai kya?"
    parts, pos = [], 0
    for m in _CODE.finditer(text):
        parts += [_prose(text[pos : m.start()]), m.group()]
        pos = m.end()
    parts.append(_prose(text[pos:]))
    return "".join(parts)


def _prose(text: str) -> str:
    text = spoken_numbers(text)  # "two thousand requests a day"
    text = _THAN.sub(lambda m: f"{m.group(1)}{m.group(2)}than", text)
    for pattern, english in _SYMBOLS:
        text = pattern.sub(english, text)
    text = _BETWEEN_WORDS.sub(lambda m: " more than " if m.group(1) == ">" else " less than ", text)
    text = _SNAKE.sub(lambda m: m.group().replace("_", " "), text)
    words = list(_WORDS.finditer(text))
    if not words:
        return text
    out, pos, i = [], 0, 0
    while i < len(words):
        lower = words[i].group().lower()
        taken = 0
        for phrase, english in _FIRST.get(lower, ()):
            n = len(phrase)
            if [w.group().lower() for w in words[i : i + n]] == phrase and _spaced(text, words[i : i + n]):
                out += [text[pos : words[i].start()], english]
                pos, taken = words[i + n - 1].end(), n
                break
        if not taken and lower in TYPOS:  # "wich licence", "comercially", "open wieghts"
            out += [text[pos : words[i].start()], TYPOS[lower]]
            pos, taken = words[i].end(), 1
        elif not taken and lower in _ABBREVIATIONS:
            out += [text[pos : words[i].start()], _ABBREVIATIONS[lower]]
            pos, taken = words[i].end(), 1
        elif not taken and "-" in lower and (tail := lower.rsplit("-", 1)[1]) in _TAILS:
            word = words[i].group()  # "MiniMax-Modelle": a name glued to a foreign noun, the noun in English
            out += [text[pos : words[i].start()], word[: -len(tail) - 1], " ", GLOSSARY[tail]]
            pos, taken = words[i].end(), 1
        i += taken or 1
    out.append(text[pos:])
    return "".join(out)


def _spaced(text: str, words: list[re.Match[str]]) -> bool:
    """The phrase's words stand apart by spaces only (not "kimi-und-x" or a path)."""
    return all(text[a.end() : b.start()] == " " for a, b in itertools.pairwise(words))
