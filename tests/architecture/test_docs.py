"""docs/architecture.md and the README's layout name rooms that exist."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _named_paths(text: str) -> set[str]:
    return set(re.findall(r"`((?:dagster_project|dbt|expectations|tests)/[\w./*-]*)`", text))


def test_the_architecture_doc_names_real_paths_and_draws_the_rooms():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert text.count("```mermaid") == 1  # one picture
    named = _named_paths(text)
    assert len(named) > 15
    for path in named:
        assert list(ROOT.glob(path.rstrip("/"))), f"docs/architecture.md names {path}, which does not exist"
    for room in ["defs", "ingest", "extraction", "incremental", "storage", "quality", "evaluation", "reports"]:
        assert f"dagster_project/{room}/" in text
        assert (ROOT / "dagster_project" / room).is_dir()
    assert "fct_statements" in text and "input/000_x.txt" in text


def test_the_readme_layout_lists_every_package_and_definitions_folder():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout"):readme.index("## Accuracy")]
    packages = {p.name for p in (ROOT / "dagster_project").iterdir() if (p / "__init__.py").exists()}
    folders = {p.name for p in (ROOT / "dagster_project" / "defs").iterdir() if (p / "__init__.py").exists()}
    for name in packages | folders:
        assert f"  {name}/" in layout, f"the README's layout does not list {name}/"


def test_the_readme_gives_the_seed_articles_partition_keys():
    """The README's table of reprocess_articles keys is what ingest makes of seeds/ today."""
    from dagster_project.defs.ingest.partitions import partition_key
    from dagster_project.ingest.reader import ReadOptions, read_folder

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| `(\d{4}-\d{2}-\d{2} · [^`]+)` \| `seeds/([^`]+)` \|$", readme, flags=re.M))
    articles = read_folder(ROOT / "seeds", ReadOptions()).articles
    assert documented == {partition_key(a): a["source_name"] for a in articles}


def test_the_readme_links_files_that_exist():
    """Every relative link of the README (the screenshots under docs/, other docs) names a committed file."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = {target for target in re.findall(r"\]\(([^)#\s]+)\)", readme) if "://" not in target}
    assert any(link.startswith("docs/screenshots/") for link in links)
    for link in links:
        path = ROOT / link
        assert path.is_file() and path.stat().st_size > 0, f"the README links {link}, which does not exist"
        if path.suffix == ".png":
            assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", link
