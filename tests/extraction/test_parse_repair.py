"""The parse repair of an insert between auxiliary and participle (sentences written for the tests)."""
import pytest

from dagster_project.extraction.parse_repair import repair_inserted_adverbials

PUB = None


@pytest.mark.parametrize("text, participle, subject", [
    ("Oslo a de son côté appelé à la retenue.", "appelé", "Oslo"),
    ("Anton Berg a de son côté annoncé qu'il partait.", "annoncé", "Anton"),
    ("La ministre Ingrid Falk a quant à elle, dans une vidéo publiée lundi, qualifié la décision d'injuste.",
     "qualifié", "ministre"),
])
def test_the_participle_heads_its_clause_with_its_auxiliary_and_subject(nlp, text, participle, subject):
    doc = nlp(text)
    (verb,) = [t for t in doc if t.text == participle]
    assert any(c.dep_.startswith("aux") for c in verb.children)
    assert any(c.dep_.startswith("nsubj") and c.text == subject for c in verb.children)
    assert len(list(doc.sents)) == 1


def test_a_clause_the_parser_reads_right_is_left_alone(nlp):
    with nlp.select_pipes(disable=["insert_repair"]):
        doc = nlp("Hugo Lemaire a annoncé lundi qu'il partait.")
    before = [(t.head.i, t.dep_) for t in doc]
    assert repair_inserted_adverbials(doc) == 0
    assert [(t.head.i, t.dep_) for t in doc] == before


@pytest.mark.parametrize("text, speaker", [
    ("Oslo a de son côté appelé « à la plus grande retenue ».", "Norvège"),
    ("Le président Hugo Lemaire a pour sa part estimé que la crise était grave.", "Hugo Lemaire"),
])
def test_a_reporting_verb_after_an_insert_has_its_speaker(extract, text, speaker):
    rows = extract(text, PUB)
    assert rows["speakers"] and all(s[2] == speaker for s in rows["speakers"])
