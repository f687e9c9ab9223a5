"""Rule-data helpers: word alternations and output that must not depend on the process."""
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dagster_project.extraction.rules import alternation

from .conftest import speaker_entity_of_only_statement

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _flat(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def test_trie_alternation_matches_what_the_longest_first_alternation_matches():
    rng = random.Random(7)
    words = ["ab", "abc", "abcd", "b", "ba", "Bac", "x-y", "l'a", "é", "ée", "c.d"]
    words += ["".join(rng.choice("abcé'-. ") for _ in range(rng.randint(1, 6))) for _ in range(300)]
    text = "".join(rng.choice("abcdé'-. xyB") for _ in range(5000))
    for flags, ignore_case in ((0, False), (re.IGNORECASE, True)):
        trie = re.compile(rf"(?<!\w)({alternation(words, ignore_case)})(?![\w])", flags)
        flat = re.compile(rf"(?<!\w)({_flat(words)})(?![\w])", flags)
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_empty_alternation_matches_nothing():
    assert re.search(alternation([]), "anything") is None


@pytest.mark.slow  # loads the model in two processes
def test_extraction_rows_do_not_depend_on_the_hash_seed():
    # set iteration order changes with PYTHONHASHSEED: stored lists (an entity's forms) must not
    script = ("import json, sys; from dagster_project.extraction.pipeline import extract_article, load_nlp; "
              "rows = extract_article(load_nlp(), 'a', sys.argv[1], None); print(json.dumps(rows, default=str))")
    text = ("Nazanin Zaghari-Ratcliffe a rencontré Roman Golovtchenko à Minsk. Zaghari-Ratcliffe et "
            "Nazanin ont parlé, puis Golovtchenko et Roman ont déclaré que « tout va bien ».")
    outputs = set()
    for seed in ("1", "2", "3"):
        run = subprocess.run([sys.executable, "-c", script, text], capture_output=True, text=True, check=True,
                             cwd=PROJECT_ROOT, env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["entities"]


def test_word_occurrences_are_the_standalone_regex_matches():
    from dagster_project.extraction.text import word_occurrences

    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(rng.choice("ab-_ é1.'") for _ in range(40))
        word = "".join(rng.choice("ab-é'") for _ in range(rng.randint(1, 3)))
        expected = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?![\w-])", text)]
        assert list(word_occurrences(text, word)) == expected, (text, word)


def test_an_anaphor_is_one_mention(extract):
    rows = extract("Emmanuel Macron a reçu Olaf Scholz. Ce dernier, arrivé lundi, a déclaré que « tout va bien ».")
    spans = [(m["char_start"], m["char_end"]) for m in rows["entity_mentions"]]
    assert len(spans) == len(set(spans))
    assert speaker_entity_of_only_statement(rows)["name"] == "Olaf Scholz"
