"""A small language guesser for ingest: writing system first, then stop-word counts. No model, no network.

Only used to keep non-French input out of a French extraction pipeline, so it answers one question
reliably: "is this clearly written in some language other than French?". Texts too short to tell
(fewer than ``MIN_HITS`` stop words) come out as ``und`` (undetermined) and are accepted.

* Non-Latin scripts decide alone: Cyrillic (``ru``; ``uk`` / ``bg`` / ``sr`` when their own letters
  or stop words dominate), Greek ``el``, Arabic ``ar``, Hebrew ``he``, Chinese ``zh``, Japanese
  ``ja``, Korean ``ko``, Devanagari ``hi``, Thai ``th``.
* Latin script: counts of frequent, mostly language-specific function words for fr, en, de, es,
  it, pt and nl over the first ``MAX_WORDS`` words; the best language wins.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

MAX_CHARS = 2500  # enough to decide; keeps ingest of 10,000 articles fast
MAX_WORDS = 400
MIN_HITS = 6  # fewer stop-word hits than this: undetermined
MIN_SCRIPT_LETTERS = 20

STOP_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        "le la les des du de et est une un dans pour qui que sur pas au aux avec ce cette ces il elle ils elles "
        "sont ont été être par plus ne se son sa ses leur leurs nous vous mais ou où après selon lors entre "
        "aussi très déjà à été était avait sera fait comme dont même tout tous".split()
    ),
    "en": frozenset(
        "the and of to is that for was with were his her has have had which from this are be it an said "
        "would their they will been who after its by at not but or as than more about into also".split()
    ),
    "de": frozenset(
        "der die und das ist nicht mit den von zu ein eine auf für dem sich auch es wird wurde des im "
        "sie er hat haben werden nach bei aus über".split()
    ),
    "es": frozenset(
        "el los las del y que en con por para una es se su al como más pero fue este esta sus ha han "
        "entre sobre también sin".split()
    ),
    "it": frozenset(
        "il di che e la per del della un una non sono con gli nel alla anche è ha dei delle nella "
        "questo ma più stato".split()
    ),
    "pt": frozenset(
        "o os as do da dos das em não um uma para com por que se mais foi ao é à seu sua pelo pela "
        "também são".split()
    ),
    "nl": frozenset(
        "de het een en van dat is in op te niet zijn met voor die er ook aan wordt werd naar bij om "
        "heeft hebben".split()
    ),
}
CYRILLIC_STOP_WORDS: dict[str, frozenset[str]] = {
    "ru": frozenset("и в не на что с по это как он я к а из за от о для был его но мы же то все она они".split()),
    "uk": frozenset("і в на що з не до у та це як за від для був його але ми вона вони".split()),
    "bg": frozenset("и в на да се от за не че с е по са като който той тя те".split()),
}
_UK_LETTERS = set("іїєґ")
_RU_LETTERS = set("ыэъё")

_PUNCTUATION = ".,;:!?«»\"“”()[]{}…-–—*/"


def _words(sample: str) -> list[str]:
    """Lower-case words of the sample, punctuation stripped (a split is much faster than a regex here)."""
    return [w.strip(_PUNCTUATION) for w in sample.split(None, MAX_WORDS)[:MAX_WORDS]]

# (first, last) code points of the scripts we name; Latin is everything else alphabetic.
_SCRIPTS = [
    ("cyrillic", 0x0400, 0x052F),
    ("greek", 0x0370, 0x03FF),
    ("hebrew", 0x0590, 0x05FF),
    ("arabic", 0x0600, 0x06FF),
    ("devanagari", 0x0900, 0x097F),
    ("thai", 0x0E00, 0x0E7F),
    ("hangul", 0xAC00, 0xD7AF),
    ("kana", 0x3040, 0x30FF),
    ("han", 0x4E00, 0x9FFF),
]
_SCRIPT_LANGUAGE = {"greek": "el", "hebrew": "he", "arabic": "ar", "devanagari": "hi", "thai": "th",
                    "hangul": "ko", "kana": "ja", "han": "zh"}


@dataclass(frozen=True)
class Guess:
    language: str  # ISO 639-1 code, or "und"
    confidence: float  # share of the evidence for that language, 0..1
    evidence: str  # what decided, for the quarantine reason


_SCRIPT_RE = {name: re.compile(f"[{chr(first)}-{chr(last)}]") for name, first, last in _SCRIPTS}
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_NON_LATIN_RE = re.compile(r"[^\W\d_A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff]")


def _script_counts(text: str) -> dict[str, int]:
    """Letters per script, or {} when (almost) every letter is Latin: regex scans, fast on 10,000 articles."""
    other = len(_NON_LATIN_RE.findall(text))
    if other < MIN_SCRIPT_LETTERS:
        return {}
    counts = {"latin": len(_LATIN_RE.findall(text))}
    named = 0
    for script, pattern in _SCRIPT_RE.items():
        n = len(pattern.findall(text))
        if n:
            counts[script] = n
            named += n
    if other > named:
        counts["other"] = other - named
    return counts


def _languages_of(lists: dict[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for lang, vocab in lists.items():
        for word in vocab:
            out[word] = out.get(word, ()) + (lang,)
    return out


_LANGUAGES_OF = {id(STOP_WORDS): _languages_of(STOP_WORDS), id(CYRILLIC_STOP_WORDS): _languages_of(CYRILLIC_STOP_WORDS)}


def _stop_word_scores(words: list[str], lists: dict[str, frozenset[str]]) -> dict[str, int]:
    languages_of = _LANGUAGES_OF.get(id(lists)) or _languages_of(lists)
    scores = dict.fromkeys(lists, 0)
    french = "fr" in scores
    for word, n in Counter(words).items():
        for lang in languages_of.get(word, ()):
            scores[lang] += n
        # French elisions (l'accord, d'un, qu'il): strong French evidence, not stop words themselves
        if french and ((word[1:2] == "'" and word[0] in "ldjmnstc") or word.startswith("qu'")):
            scores["fr"] += n
    return scores


def detect_language(text: str) -> Guess:
    """Best guess of the language of a text (see the module docstring)."""
    sample = text[:MAX_CHARS].lower().replace("’", "'")
    scripts = _script_counts(sample)
    if scripts:
        letters = sum(scripts.values())
        script, count = max(scripts.items(), key=lambda kv: (kv[1], kv[0]))
        share = count / letters
        if script != "latin" and share >= 0.5:
            if script == "cyrillic":
                scores = _stop_word_scores(_words(sample), CYRILLIC_STOP_WORDS)
                scores["uk"] += sum(1 for ch in sample if ch in _UK_LETTERS)
                scores["ru"] += sum(1 for ch in sample if ch in _RU_LETTERS)
                lang = max(scores, key=lambda k: (scores[k], k == "ru"))
                if scores[lang] == 0:
                    lang = "ru"
                return Guess(lang, share, f"{share:.0%} Cyrillic letters")
            if script == "other":
                return Guess("und", share, f"{share:.0%} letters of an unnamed script")
            return Guess(_SCRIPT_LANGUAGE[script], share, f"{share:.0%} {script.capitalize()} letters")
    words = _words(sample)
    if not words:
        return Guess("und", 0.0, "no letters")
    scores = _stop_word_scores(words, STOP_WORDS)
    total = sum(scores.values())
    best = max(scores, key=lambda k: (scores[k], k == "fr"))
    if scores[best] < MIN_HITS:
        return Guess("und", 0.0, f"only {scores[best]} stop words")
    runner_up = max(v for k, v in scores.items() if k != best)
    confidence = scores[best] / total if total else 0.0
    return Guess(best, confidence, f"{scores[best]} {best} stop words vs {runner_up} for the next language")
