"""A larger corpus for the scale benchmark: news_10k plus new articles recombined from its paragraphs.

    .venv/bin/python benchmarks/make_corpus.py --n 40000 --out /tmp/news_40k.jsonl.gz

The output holds the source corpus first, line for line (so its first 10,000 lines are news_10k and a
10,000-article build of either file is the same build), then ``n - len(source)`` new articles. Each new
article is made of whole paragraphs of real articles, so spaCy and the rules see real French prose,
names, quotes and meetings at the density of the real corpus:

- a *lead* source article gives the title, the publication time, the author and its first 1-3
  paragraphs (the lede keeps its dateline and its dates, which agree with the publication time);
- up to 5 *donor* articles, drawn at random, each give a run of 1-4 consecutive paragraphs (a quote
  paragraph stays after the one that names its speaker most of the time), until the article has
  about as many paragraphs as the lead had (at least 3, at most 12).

Ids are ``recomb-<seed>-<index>`` and never collide with the source's. Everything is drawn from
``random.Random(f"{seed}:{index}")``: the same seed and source give the same file, byte for byte, and
article i does not depend on how many are asked for. A recombined text equal to a source text or to an
earlier one (possible only for one-paragraph sources) is drawn again, so every article has its own
content id (the pipeline's article id is the SHA-256 of the text).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "corpus" / "news_10k.jsonl.gz"
MAX_PARAGRAPHS = 12


def read_source(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def recombine(source: list[dict], index: int, seed: int) -> dict:
    """New article number `index`: a lead article's metadata and lede, then runs of donors' paragraphs."""
    rng = random.Random(f"{seed}:{index}")
    lead = source[rng.randrange(len(source))]
    lead_paragraphs = paragraphs(lead["text"])
    target = max(3, min(MAX_PARAGRAPHS, len(lead_paragraphs)))
    body = lead_paragraphs[: rng.randint(1, min(3, len(lead_paragraphs)))]
    for _ in range(5):
        if len(body) >= target:
            break
        donor = paragraphs(source[rng.randrange(len(source))]["text"])
        start = rng.randrange(len(donor))
        body += donor[start: start + min(rng.randint(1, 4), target - len(body))]
    return {
        "id": f"recomb-{seed}-{index:06d}",
        "title": lead.get("title"),
        "published_time": lead.get("published_time"),
        "author": lead.get("author"),
        "url": None,  # a made-up article has no page
        "text": "\n\n".join(body),
    }


def generate(source: list[dict], n_new: int, seed: int):
    """The n_new recombined articles, each with a text no source or earlier article has."""
    seen = {_digest("\n\n".join(paragraphs(a["text"]))) for a in source}
    for index in range(n_new):
        attempt = 0
        while True:
            # attempt 0 is the article's own draw; a collision draws again from a derived stream
            article = recombine(source, index if attempt == 0 else index + attempt * 10**9, seed)
            key = _digest(article["text"])
            if key not in seen:
                break
            attempt += 1
        article["id"] = f"recomb-{seed}-{index:06d}"
        seen.add(key)
        yield article


def write_corpus(out: Path, n: int, seed: int, source_path: Path = SOURCE) -> dict:
    source = read_source(source_path)
    if n < len(source):
        raise SystemExit(f"--n {n} is below the {len(source)} source articles")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as raw:
        # no file name and mtime 0 in the gzip header: the same content gives the same bytes
        fh = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) if out.suffix == ".gz" else raw
        for article in source:
            fh.write((json.dumps(article, ensure_ascii=False) + "\n").encode("utf-8"))
        for article in generate(source, n - len(source), seed):
            fh.write((json.dumps(article, ensure_ascii=False) + "\n").encode("utf-8"))
        if fh is not raw:
            fh.close()
    return {"out": str(out), "articles": n, "source": len(source), "new": n - len(source), "seed": seed}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40000, help="articles in the output, source included")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, required=True, help=".jsonl or .jsonl.gz")
    args = parser.parse_args()
    print(json.dumps(write_corpus(args.out, args.n, args.seed, args.source)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
