"""Indirect statements of "considérer / décrire X comme Y" whose object X stands before the cue: an object
clitic ("les considère comme Y") or the relative pronoun of the clause the cue heads ("ce qu'il considère
comme Y"). Sentences written for these tests."""
from datetime import date

import pytest

PUB = date(2025, 3, 14)


def indirect(rows):
    return [(t, spk) for t, typ, spk in rows["speakers"] if typ == "indirect"]


@pytest.mark.parametrize("sentence, content, speaker", [
    ("Paul Girard le considère comme un partenaire incontournable.", "comme un partenaire incontournable",
     "Paul Girard"),
    ("Ingrid Falk les a décrits comme des alliés peu fiables.", "comme des alliés peu fiables", "Ingrid Falk"),
    ("Hugo Lemaire dénonce ce qu'il considère comme des pratiques commerciales déloyales.",
     "comme des pratiques commerciales déloyales", "Hugo Lemaire"),
    ("La crise a provoqué ce que Clara Vidal a décrit comme la pire pénurie de la décennie.",
     "comme la pire pénurie de la décennie", "Clara Vidal"),
])
def test_comme_after_an_object_before_the_cue(extract, sentence, content, speaker):
    rows = extract(sentence, PUB)
    assert (content, speaker) in indirect(rows), rows["speakers"]


def test_comme_after_a_noun_object_keeps_the_object(extract):
    rows = extract("Anton Berg considère la réforme comme une menace pour la paix.", PUB)
    assert indirect(rows) == [("la réforme comme une menace pour la paix", "Anton Berg")], rows["speakers"]


def test_comme_as_a_comparison_is_no_content(extract):
    rows = extract("Anton Berg considère, comme chaque année, les candidatures des étudiants.", PUB)
    assert not [t for t, _ in indirect(rows) if t.startswith("comme")], rows["speakers"]
