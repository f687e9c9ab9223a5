"""benchmarks/make_corpus.py: the source first, then new articles made of its paragraphs, the same for a seed."""
import gzip
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
make_corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_corpus)


def _source(tmp_path: Path) -> Path:
    articles = []
    for i in range(6):
        paragraphs = [f"Article {i}, paragraphe {j} : Jean Dupont{i} a rencontré Marie Curie{j} à Paris." for j in range(4)]
        articles.append({"id": f"src-{i}", "title": f"Titre {i}", "published_time": f"2024-01-0{i + 1}T10:00:00+01:00",
                         "author": "AFP", "url": f"https://example.org/{i}", "text": "\n\n".join(paragraphs)})
    # a one-paragraph source: recombinations that would copy it whole are drawn again
    articles.append({"id": "src-short", "title": None, "published_time": "2024-02-01T10:00:00+01:00",
                     "author": None, "url": None, "text": "Un seul paragraphe."})
    path = tmp_path / "source.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    return path


def _read(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_source_first_then_new_articles_from_its_paragraphs(tmp_path):
    source_path = _source(tmp_path)
    source = _read(source_path)
    out = tmp_path / "out.jsonl.gz"
    make_corpus.write_corpus(out, 40, seed=3, source_path=source_path)
    rows = _read(out)
    assert len(rows) == 40
    assert rows[: len(source)] == source
    new = rows[len(source):]
    assert [r["id"] for r in new] == [f"recomb-3-{i:06d}" for i in range(33)]
    known_paragraphs = {p for a in source for p in make_corpus.paragraphs(a["text"])}
    by_title = {(a["title"], a["published_time"]): a for a in source}
    texts = {a["text"] for a in source}
    for article in new:
        body = make_corpus.paragraphs(article["text"])
        assert 3 <= len(body) <= make_corpus.MAX_PARAGRAPHS
        assert set(body) <= known_paragraphs
        lead = by_title[(article["title"], article["published_time"])]  # title and date of one source article
        assert body[0] == make_corpus.paragraphs(lead["text"])[0]      # ... whose lede opens the new text
        assert article["text"] not in texts  # a content of its own: its own article id in the pipeline
        texts.add(article["text"])
    # paragraphs of more than one source article, in most new articles
    mixed = sum(len({p.split(",")[0] for p in make_corpus.paragraphs(a["text"])}) > 1 for a in new)
    assert mixed >= len(new) // 2


def test_same_seed_same_bytes_other_seed_other_texts(tmp_path):
    source_path = _source(tmp_path)
    a, b, c = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz", tmp_path / "c.jsonl.gz"
    make_corpus.write_corpus(a, 30, seed=1, source_path=source_path)
    make_corpus.write_corpus(b, 30, seed=1, source_path=source_path)
    make_corpus.write_corpus(c, 30, seed=2, source_path=source_path)
    assert a.read_bytes() == b.read_bytes()
    assert [r["text"] for r in _read(a)] != [r["text"] for r in _read(c)]
    # article i does not depend on how many are asked for
    shorter = tmp_path / "shorter.jsonl.gz"
    make_corpus.write_corpus(shorter, 20, seed=1, source_path=source_path)
    assert _read(shorter) == _read(a)[:20]
