import pytest

from dagster_project.extraction.pipeline import extract_article


@pytest.fixture(scope="session")
def extract(nlp):
    """Run the whole per-article extraction on a text and index the rows for assertions."""

    def run(text, published=None):
        rows = extract_article(nlp, "test-article", text, published)
        names = {e["entity_idx"]: e["name"] for e in rows["entities"]}
        rows["speakers"] = [(s["text"], s["statement_type"], names.get(s["speaker_entity_idx"]))
                            for s in rows["statements"]]
        rows["names"] = names
        return rows

    return run


def speaker_entity_of_only_statement(rows):
    """The entity row of the speaker of the one statement the text must yield."""
    (statement,) = rows["statements"]
    return next(e for e in rows["entities"] if e["entity_idx"] == statement["speaker_entity_idx"])


def speaker_of(rows, fragment):
    hits = [s for s in rows["speakers"] if fragment in s[0]]
    assert hits, f"no statement containing {fragment!r} in {rows['speakers']}"
    return hits[0][2]
