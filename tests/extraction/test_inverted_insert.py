"""An insert between an incise's inverted pronoun and its participle ("a-t-il par ailleurs affirmé",
"a-t-elle de son côté souligné"): the incise still reports the words before it, its pronoun still speaks
(sentences written for the tests, invented people)."""
from datetime import date

import pytest

from dagster_project.extraction.parse_repair import repair_inserted_adverbials

from .conftest import speaker_of

PUB = date(2024, 3, 10)


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Hugo Lemaire a visité Lyon lundi. La région est animée à la fois par le \"volontarisme\" et la "
     "\"modestie\", a-t-il par ailleurs affirmé à la radio.", "modestie", "Hugo Lemaire"),
    ("Ingrid Falk a visité Lyon lundi. La région restera \"ferme\", a-t-elle de son côté affirmé.",
     "ferme", "Ingrid Falk"),
    ("Hugo Lemaire a visité Lyon lundi. \"La région restera ferme\", a-t-il quant à lui souligné.",
     "restera ferme", "Hugo Lemaire"),
])
def test_an_insert_after_the_inverted_pronoun_keeps_the_incise(extract, text, fragment, speaker):
    rows = extract(text, PUB)
    assert speaker_of(rows, fragment) == speaker
    assert all(s[2] != "Lyon" for s in rows["speakers"])


def test_the_repair_makes_the_inverted_pronoun_the_participle_s_subject(nlp):
    doc = nlp("La région restera ferme, a-t-il par ailleurs affirmé.")
    repair_inserted_adverbials(doc)
    verb = next(t for t in doc if t.text == "affirmé")
    pronoun = next(t for t in doc if t.text == "-il")
    assert pronoun.head == verb and pronoun.dep_.startswith("nsubj")
    assert next(t for t in doc if t.text == "a").head == verb
