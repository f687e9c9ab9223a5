"""The rule data (lexicon, dictionaries) is package data: it ships in the wheel, and its absence is an error."""
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from dagster_project.extraction import rules

ROOT = Path(__file__).resolve().parents[2]


def test_dictionaries_load_from_the_package():
    assert rules.DICTIONARY_DIR == Path(rules.__file__).parent / "dictionaries"
    assert len(rules.actor_dictionary()) > 50 and rules.actor_roles() and rules.role_titles()
    assert {p.name for p in rules.DICTIONARY_DIR.glob("*.csv")} == set(rules.DICTIONARIES)


@pytest.mark.parametrize("loader", ["actor_dictionary", "actor_roles", "role_titles"])
def test_a_missing_dictionary_fails_loudly(tmp_path, monkeypatch, loader):
    monkeypatch.setattr(rules, "DICTIONARY_DIR", tmp_path)
    getattr(rules, loader).cache_clear()
    try:
        with pytest.raises(rules.RuleDataMissing, match="not found"):
            getattr(rules, loader)()
    finally:
        getattr(rules, loader).cache_clear()


def test_an_empty_dictionary_fails_loudly(tmp_path, monkeypatch):
    (tmp_path / "role_titles.csv").write_text("role,title,gender\n", encoding="utf-8")
    monkeypatch.setattr(rules, "DICTIONARY_DIR", tmp_path)
    rules.role_titles.cache_clear()
    try:
        with pytest.raises(rules.RuleDataMissing, match="no rows"):
            rules.role_titles()
    finally:
        rules.role_titles.cache_clear()


def test_a_missing_lexicon_fails_loudly(tmp_path, monkeypatch):
    monkeypatch.setattr(rules, "RULES_DIR", tmp_path)
    rules.load_rules.cache_clear()
    try:
        with pytest.raises(rules.RuleDataMissing, match="lexicon"):
            rules.load_rules()
    finally:
        rules.load_rules.cache_clear()


@pytest.mark.slow
def test_a_non_editable_install_extracts_with_its_dictionaries(tmp_path):
    """Build the wheel (from a clean copy of the sources), install it into a folder of its own, and load
    the gazetteer from there."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "dagster_project", source / "dagster_project", ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                    "-w", str(wheels), str(source)], check=True, capture_output=True, timeout=600)
    [wheel] = wheels.glob("dagster_project-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in ["dagster_project/extraction/rules/lexicon.yaml",
                 *[f"dagster_project/extraction/dictionaries/{name}" for name in rules.DICTIONARIES],
                 "dagster_project/evaluation/gold/seeds.yaml"]:
        assert data in names, f"{data} is not in the wheel"
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=600)
    probe = ("import dagster_project.extraction.rules as r, sys\n"
             f"assert r.__file__.startswith({str(target)!r}), r.__file__\n"
             "from dagster_project.extraction.gazetteer import gazetteer\n"
             "g = gazetteer()\n"
             "assert g.pattern is not None and len(g.actors) > 50 and g.titles\n"
             "print(len(g.actors))\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(target), "PATH": str(Path(sys.executable).parent)})
    assert done.returncode == 0, done.stderr[-3000:]
    assert int(done.stdout.strip()) > 50


def _lists(node, path=()):
    """(path, list) of every list in a loaded YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _lists(value, (*path, str(key)))
    elif isinstance(node, list):
        yield ".".join(path), node
        for i, value in enumerate(node):
            yield from _lists(value, (*path, str(i)))


def test_no_word_is_listed_twice_in_one_lexicon_list():
    # a word written twice in a list is harmless to the code but says that someone added it without
    # reading the list: the second entry is often meant for another list
    repeated = {path: sorted({w for w in words if isinstance(w, str) and words.count(w) > 1})
                for path, words in _lists(rules.load_rules())}
    assert {path: words for path, words in repeated.items() if words} == {}
