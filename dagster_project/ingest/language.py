"""Language identification for ingest: lingua's models (offline, shipped in the wheel), and a prose check.

Only used to keep input that is not French prose out of a French extraction pipeline. It answers two
questions about the beginning of a text (``SAMPLE_CHARS`` characters):

* **Is it prose?** Prose is made of words: at least ``MIN_WORD_SHARE`` of its whitespace-separated
  tokens are words (letters, with elisions, hyphens and punctuation around them). Tables, CSV, logs,
  URL lists, base64, hex dumps and password files are not; French news never falls below 0.7 on the
  10,000 articles of the benchmark corpus. And some language must reach ``MIN_CONFIDENCE``: lingua's
  relative confidence over the languages below sums to 1, so a text no language explains (digits,
  symbols, a few stray letters) has no language above the floor.
* **Which language?** lingua-language-detector over ``LANGUAGES`` only: the languages the previous
  hand-written detector knew (fr, en, de, es, it, pt, nl, ru, uk, bg, sr, el, ar, he, zh, ja, ko, hi,
  th) and a few frequent neighbours that keep near misses from landing on French (ca, ro, pl, sv, tr)
  or that absorb pseudo-text (la: lorem ipsum). Each Latin-script language adds to the cost of every
  article, so the list stays short. Low-accuracy mode (trigram models): about 40 MB and 0.2 s to load
  instead of about 450 MB and 3 s for the high-accuracy models, with the same answer on every article
  of the benchmark corpus; its weaker side, texts of a few words, is where the confidence floor
  applies anyway.

The beginning of the text (``SAMPLE_CHARS``) is read first; a text is only set aside (not prose, or in
a language that is not accepted) on the evidence of a longer read (``CONFIRM_CHARS``). On the 10,000
articles of the benchmark corpus, one French lede dense with English names reads as Latin at 250
characters and as French from 300 on.

A text that is not prose gets ``language is None`` (the reader quarantines it, reason ``not_prose``);
otherwise ``language`` is an ISO 639-1 code.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

LANGUAGES = ("fr", "en", "de", "es", "it", "pt", "nl", "ru", "uk", "bg", "sr", "el", "ar", "he", "zh", "ja", "ko",
             "hi", "th", "ca", "ro", "pl", "sv", "tr", "la")
SAMPLE_CHARS = 150  # the first words decide; lingua's cost grows with the length read and the Latin-script languages
CONFIRM_CHARS = 2000  # read before a text is set aside: a lede full of names can pass for Latin or Dutch
MIN_CONFIDENCE = 0.5  # the best language must explain at least half of the evidence
MIN_WORD_SHARE = 0.5  # at least half of the tokens are words

# A word: letters, joined by elisions or hyphens, with quotes, brackets and punctuation around it.
_WORD = re.compile(r"[\"'«“‘(\[¿¡—–-]*[^\W\d_]+(?:['’\-][^\W\d_]+)*[\"'»”’)\].,;:!?…]*")


@dataclass(frozen=True)
class Guess:
    language: str | None  # ISO 639-1 code, or None when the text is not prose
    confidence: float  # lingua's relative confidence for that language (the best one when None), 0..1
    evidence: str  # what decided, for the quarantine reason


def _language(code: str) -> Language | None:
    try:
        return Language.from_iso_code_639_1(IsoCode639_1.from_str(code))
    except (ValueError, AttributeError):
        return None


@functools.lru_cache(maxsize=4)
def detector(extra: frozenset[str] = frozenset()):
    """The lingua detector over LANGUAGES and any accepted language lingua knows (built once, loaded lazily)."""
    languages = {lang for lang in map(_language, (*LANGUAGES, *sorted(extra))) if lang is not None}
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def warm_up(accepted: Iterable[str] = ("fr",)) -> None:
    """Load the models now (the first detection does it otherwise)."""
    detect_language("Le ministre a reçu son homologue à Paris.", frozenset(accepted))


def _sample(text: str, size: int = SAMPLE_CHARS) -> str:
    if len(text) <= size:
        return text
    cut = text.rfind(" ", size // 2, size)
    return text[:cut if cut > 0 else size]


def word_share(sample: str) -> float:
    """Share of the whitespace-separated tokens that are words; lone punctuation (« », :, —) does not count."""
    tokens = [token for token in sample.split() if any(char.isalnum() for char in token)]
    if not tokens:
        return 0.0
    return sum(1 for token in tokens if _WORD.fullmatch(token)) / len(tokens)


def detect_language(text: str, accepted: frozenset[str] = frozenset({"fr"})) -> Guess:
    """The language of a text, or None with the reason when it is not prose (see the module docstring).

    The first ``SAMPLE_CHARS`` characters decide when they give an accepted language; otherwise the first
    ``CONFIRM_CHARS`` decide, so that a text is only set aside on the evidence of a longer read."""
    guess = _guess(_sample(text), accepted)
    if guess.language in accepted or len(text) <= SAMPLE_CHARS:
        return guess
    return _guess(_sample(text, CONFIRM_CHARS), accepted)


def _guess(sample: str, extra: frozenset[str]) -> Guess:
    words = word_share(sample)
    if words < MIN_WORD_SHARE:
        return Guess(None, 0.0, f"only {words:.0%} of its tokens are words (prose has at least {MIN_WORD_SHARE:.0%})")
    values = detector(extra).compute_language_confidence_values(sample)
    best = values[0] if values else None
    if best is None or best.value < MIN_CONFIDENCE:
        named = f"best {best.language.iso_code_639_1.name.lower()} at {best.value:.2f}" if best else "no candidate"
        return Guess(None, best.value if best else 0.0,
                     f"no language reaches confidence {MIN_CONFIDENCE} ({named})")
    code = best.language.iso_code_639_1.name.lower()
    runner_up = values[1] if len(values) > 1 else None
    tail = f", next {runner_up.language.iso_code_639_1.name.lower()} {runner_up.value:.2f}" if runner_up else ""
    return Guess(code, best.value, f"lingua confidence {best.value:.2f}{tail}")
