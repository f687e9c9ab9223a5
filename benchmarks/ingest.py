"""Ingest benchmark: what the reader keeps of real web pages, and what ingest costs per article.

    .venv/bin/python benchmarks/ingest.py pages        # the 40 saved pages against their clean text
    .venv/bin/python benchmarks/ingest.py cost --n 5000 # ingest of N news_10k articles (.jsonl), ms/article
    .venv/bin/python benchmarks/ingest.py pages --json benchmarks/results/ingest_pages.json
    .venv/bin/python benchmarks/ingest.py battery      # what the reader does with each bad or odd input

``pages`` reads every page of ../shared/corpus/html/ with the real reader (``read_one``, as the
``raw/articles`` asset does) and compares it with the same article of ../shared/gold/dev/articles.jsonl
(the page's file name is the article id):

* text similarity: ``difflib.SequenceMatcher(None, page_text, clean_text, autojunk=False).ratio()``
  on characters (1.0 = identical), and the same on whitespace tokens;
* publication date: equal to the date part of the record's ``published_time``;
* title equal to the record's title (whitespace aside; the records of a few pages have none); author: the record's author is one of the page's authors;
* the basis of each date, and every page that was quarantined instead.

``cost`` times ``read_folder`` on a folder holding the first N articles of news_10k.jsonl.gz as one
.jsonl file (the benchmark's input), after a warm-up run that loads the language models, and reports the
wall and CPU time per article (best of three; the CPU time moves less on a shared machine), with the
one-off start-up (imports and model load) measured apart in a fresh process.

``battery`` writes the quarantine battery (``BATTERY``: one file per kind of bad or odd input, texts
written here) to a temporary folder, reads it with ``read_folder`` and reports, per file, what became of
it: the quarantine reason code, or ``loaded`` with its language and encoding. Run it with another
checkout's package first on ``PYTHONPATH`` to compare two readers on the same inputs.
"""
from __future__ import annotations

import argparse
import base64
import difflib
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAGES = SHARED / "corpus" / "html"
CLEAN = SHARED / "gold" / "dev" / "articles.jsonl"
NEWS_10K = SHARED / "corpus" / "news_10k.jsonl.gz"


def similarity(a: str, b: str) -> tuple[float, float]:
    """(character ratio, token ratio) of difflib.SequenceMatcher, without its junk heuristic."""
    chars = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    tokens = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()
    return chars, tokens


def pages(pages_dir: Path = PAGES, clean_file: Path = CLEAN) -> dict:
    from dagster_project.ingest.reader import Listed, read_one

    clean = {}
    with open(clean_file, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            clean[record["id"]] = record
    rows = []
    read_one(Listed(CLEAN, CLEAN.stat().st_size))  # warm-up: imports and language models
    cpu = 0.0
    for path in sorted(pages_dir.glob("*.htm*")):
        record = clean.get(path.stem)
        if record is None:
            continue
        start = time.process_time()
        articles, quarantined = read_one(Listed(path, path.stat().st_size))
        cpu += time.process_time() - start
        if not articles:
            rows.append({"page": path.name, "quarantined": quarantined[0]["reason_code"]})
            continue
        article = articles[0]
        chars, tokens = similarity(article["text"], record["text"])
        authors = [a.strip() for a in (article["author"] or "").split(";")]
        rows.append({
            "page": path.name,
            "similarity": round(chars, 4),
            "token_similarity": round(tokens, 4),
            "length_ratio": round(len(article["text"]) / len(record["text"]), 3),
            "date_ok": str(article["published_date"]) == record["published_time"][:10],
            "date_basis": article["published_date_basis"],
            "title_ok": None if not record.get("title") else
            " ".join((article["title"] or "").split()) == " ".join(record["title"].split()),
            "author_ok": record["author"] in authors,
        })
    loaded = [r for r in rows if "similarity" in r]
    summary = {
        "pages": len(rows),
        "quarantined": len(rows) - len(loaded),
        "date_accuracy": round(sum(r["date_ok"] for r in loaded) / len(rows), 4) if rows else None,
        "similarity_median": round(statistics.median(r["similarity"] for r in loaded), 4) if loaded else None,
        "similarity_min": min((r["similarity"] for r in loaded), default=None),
        "token_similarity_median": round(statistics.median(r["token_similarity"] for r in loaded), 4)
        if loaded else None,
        "token_similarity_min": min((r["token_similarity"] for r in loaded), default=None),
        "length_ratio_median": round(statistics.median(r["length_ratio"] for r in loaded), 3) if loaded else None,
        "title_accuracy": _share([r["title_ok"] for r in loaded if r["title_ok"] is not None]),
        "titles_compared": sum(1 for r in loaded if r["title_ok"] is not None),
        "author_accuracy": round(sum(r["author_ok"] for r in loaded) / len(rows), 4) if rows else None,
        "date_bases": dict(sorted(_count(r.get("date_basis") for r in loaded).items())),
        "cpu_ms_per_page": round(1000 * cpu / len(rows), 1) if rows else None,
    }
    return {"summary": summary, "pages": rows}


def _share(flags: list[bool]) -> float | None:
    return round(sum(flags) / len(flags), 4) if flags else None


def _count(values) -> dict:
    out: dict = {}
    for v in values:
        out[str(v)] = out.get(str(v), 0) + 1
    return out


_FR = ("Le ministre des Affaires étrangères a reçu mardi à Paris son homologue allemand. Les deux hommes ont "
       "évoqué la crise en Ukraine et la coopération européenne, selon un communiqué publié après l'entretien.")
_EN = ("The foreign minister received his German counterpart in Paris on Tuesday. The two men discussed the "
       "crisis in Ukraine and European cooperation, according to a statement released after the meeting.")
_DE = ("Der Außenminister hat am Dienstag in Paris seinen deutschen Amtskollegen empfangen. Die beiden Männer "
       "sprachen über die Krise in der Ukraine und die europäische Zusammenarbeit, hieß es in einer Erklärung.")
_IT = ("Il ministro degli Esteri ha ricevuto martedì a Parigi il suo omologo tedesco. I due hanno discusso "
       "della crisi in Ucraina e della cooperazione europea, secondo un comunicato diffuso dopo l'incontro.")
_RU = ("Министр иностранных дел принял во вторник в Париже своего немецкого коллегу. Они обсудили кризис на "
       "Украине и европейское сотрудничество, говорится в заявлении, опубликованном после встречи.")
_EL = ("Ο υπουργός Εξωτερικών δέχθηκε την Τρίτη στο Παρίσι τον Γερμανό ομόλογό του. Συζήτησαν την κρίση "
       "στην Ουκρανία και την ευρωπαϊκή συνεργασία, σύμφωνα με ανακοίνωση.")
_LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
          "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip.")
_PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Entretien à Paris</title></head><body>"
         "<nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav><article><h1>Entretien à Paris</h1>"
         f"<p>{_FR}</p><p>{_FR}</p></article><footer>© 2024 Le Journal</footer></body></html>")

# One file per kind of input: the bad input of the quarantine table (README, "What bad input does") and the
# texts the language check and the decoding must tell apart.
BATTERY: dict[str, bytes] = {
    "empty.txt": b"",
    "whitespace.txt": b"  \n\t\n",
    "png.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    "nul-bytes.txt": _FR.encode() + b"\x00\x00" + _FR.encode(),
    "invalid-utf8.txt": _FR.encode()[:120] + b"\xff\xfe" + _FR.encode()[120:],
    "utf16-bom.txt": b"\xff\xfe" + _FR.encode("utf-16-le"),
    "latin1.txt": _FR.encode("latin-1"),
    "cp1252.txt": (_FR + " « L’Europe », dit-il — 5 €.").encode("cp1252"),
    "dos-cp850.txt": _FR.encode("cp850"),
    "page.html": _PAGE.encode(),
    "page-saved-as.txt": _PAGE.replace("Entretien à Paris</h1>", "Entretien à Paris !</h1>").encode(),
    "english.txt": _EN.encode(),
    "german.txt": _DE.encode(),
    "italian.txt": _IT.encode(),
    "russian.txt": _RU.encode(),
    "russian-cp1251.txt": _RU.encode("cp1251"),
    "russian-koi8r.txt": _RU.encode("koi8-r"),
    "greek-cp1253.txt": _EL.encode("cp1253"),
    "lorem-ipsum.txt": _LOREM.encode(),
    "short-french.txt": "Déjà vu à Moscou.".encode(),
    "one-word.txt": b"Array",
    "csv-table.txt": "\n".join(f"{i};{i * 37 % 1000};{i / 7:.3f};FR;oui" for i in range(40)).encode(),
    "url-list.txt": " ".join(f"https://www.example{i}.org/article/{1000 + 37 * i}.html" for i in range(30)).encode(),
    "base64.txt": base64.b64encode(bytes((i * 131 + 7) % 256 for i in range(900))),
    "number-dump.txt": " ".join(str(i * 7919 % 1000003) for i in range(200)).encode(),
    "log.txt": "\n".join(f"2024-01-{1 + i % 28:02d} 12:{i % 60:02d}:00 ERROR [worker-{i}] code={i * 3}"
                         for i in range(40)).encode(),
    "records.jsonl": "\n".join([json.dumps({"id": "rec-fr", "text": _FR}, ensure_ascii=False),
                                '{"id": "rec-broken", "text": "Le ministre', json.dumps({"id": "rec-en", "text": _EN})]
                               ).encode() + b"\n",
}


def battery() -> dict:
    from dagster_project.ingest.reader import read_folder

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, data in BATTERY.items():
            (folder / name).write_bytes(data)
        result = read_folder(folder)
    outcome: dict[str, str] = {}
    for row in result.sources:
        article = next(a for a in result.articles if a["article_id"] == row["article_id"])
        outcome[row["source_name"]] = f"loaded ({article['language']}, {row['detected_encoding']})"
    for row in result.quarantine:
        language = f", {row['detected_language']}" if row["detected_language"] else ""
        outcome[row["source_name"]] = f"{row['reason_code']} ({row['detected_encoding']}{language})"
    return {"summary": dict(sorted(outcome.items()))}


_STARTUP = """
import time
t = time.perf_counter()
from dagster_project.ingest.reader import read_one, Listed  # noqa: F401
import dagster_project.ingest.language as language
warm = getattr(language, "warm_up", None)
if warm:
    warm()
print(time.perf_counter() - t)
"""


def cost(n: int, repeat: int = 3) -> dict:
    from dagster_project.ingest.reader import read_folder

    startup = float(subprocess.run([sys.executable, "-c", _STARTUP], capture_output=True, text=True,
                                   check=True).stdout.strip())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with gzip.open(NEWS_10K, "rt", encoding="utf-8") as src, \
                open(folder / "news.jsonl", "w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= n:
                    break
                dst.write(line)
        read_folder(folder)  # warm-up: models loaded, files cached
        times, cpu_times = [], []
        for _ in range(repeat):
            start, cpu_start = time.perf_counter(), time.process_time()
            result = read_folder(folder)
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu_start)
    best, best_cpu = min(times), min(cpu_times)
    return {"articles_in": n, "articles_loaded": len(result.articles), "quarantined": len(result.quarantine),
            "quarantine_reasons": _count(r["reason_code"] for r in result.quarantine),
            "seconds_best_of": repeat, "seconds": round(best, 3), "ms_per_article": round(1000 * best / n, 3),
            "cpu_seconds": round(best_cpu, 3), "cpu_ms_per_article": round(1000 * best_cpu / n, 3),
            "startup_seconds": round(startup, 3)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["pages", "cost", "battery"])
    parser.add_argument("--n", type=int, default=5000, help="articles of news_10k for `cost`")
    parser.add_argument("--json", type=Path, help="also write the result here")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per page")
    args = parser.parse_args(argv)
    result = pages() if args.what == "pages" else battery() if args.what == "battery" else cost(args.n)
    if args.what == "pages" and args.verbose:
        for row in result["pages"]:
            print(json.dumps(row, ensure_ascii=False))
    print(json.dumps(result["summary"] if args.what in ("pages", "battery") else result, indent=2, ensure_ascii=False))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
