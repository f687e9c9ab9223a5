"""Language identification (lingua) and the prose check: sentences and non-prose written here."""
import base64
import json
import random
import string
from pathlib import Path

import pytest

from dagster_project.ingest.language import MIN_WORD_SHARE, detect_language, word_share
from dagster_project.ingest.reader import read_folder

ROOT = Path(__file__).resolve().parents[2]

FRENCH = ("Le ministre russe des Affaires étrangères, Sergueï Lavrov, a reçu mardi à Moscou son homologue "
          "nord-coréenne, Choe Son-hui. Les deux ministres ont évoqué la coopération entre leurs pays, selon "
          "un communiqué publié après la rencontre.")
ENGLISH = ("The Russian foreign minister, Sergei Lavrov, received his North Korean counterpart Choe Son-hui in "
           "Moscow on Tuesday. The two ministers discussed the cooperation between their countries.")
GERMAN = ("Der Minister sagte, dass die Gespräche mit seinem Kollegen sehr nützlich gewesen seien und dass die "
          "Beziehungen auf dem höchsten Stand seien, wie er nach dem Treffen in der Hauptstadt erklärte.")
RUSSIAN = ("Министр иностранных дел России Сергей Лавров принял во вторник в Москве свою северокорейскую коллегу "
           "Чхве Сон Хи. Министры обсудили сотрудничество между двумя странами.")
UKRAINIAN = "Міністр закордонних справ України заявив, що переговори були корисними і що співпраця триватиме."
ITALIAN = ("Il ministro degli Esteri russo ha ricevuto martedì a Mosca la sua omologa nordcoreana. I due ministri "
           "hanno discusso della cooperazione tra i loro paesi, secondo un comunicato.")
GREEK = "Ο υπουργός Εξωτερικών της Ρωσίας δέχτηκε την Τρίτη στη Μόσχα τη βορειοκορεάτισσα ομόλογό του."


@pytest.mark.parametrize("text, language", [
    (FRENCH, "fr"), (ENGLISH, "en"), (GERMAN, "de"), (RUSSIAN, "ru"), (UKRAINIAN, "uk"), (ITALIAN, "it"),
    (GREEK, "el"), ("Le président a reçu son homologue.", "fr"), ("Les élèves français à Pékin.", "fr"),
])
def test_languages(text, language):
    guess = detect_language(text)
    assert guess.language == language, guess
    assert guess.confidence >= 0.5


def test_the_seed_articles_are_french():
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert seeds
    for path in seeds:
        assert detect_language(path.read_text(encoding="utf-8")).language == "fr", path.name


def test_a_french_lede_full_of_foreign_names_is_confirmed_on_a_longer_read():
    lede = ("Les pilotes du Team Aston Martin Red Bull Racing, Max Verstappen et Alex Albon, ont eu l'opportunité "
            "d'essayer sur le circuit de Silverstone, en Grande-Bretagne, la nouvelle Aston Martin Valkyrie.")
    body = ("Trois prototypes de la voiture ont en effet été réunis sur le tracé, et confiés notamment aux mains "
            "du pilote de développement en chef de la marque, qui les a essayés pendant toute la journée.")
    assert detect_language(f"{lede}\n\n{body}\n\n{body}").language == "fr"


random.seed(17)
NOT_PROSE = {
    "csv": "\n".join(f"{i};{random.randint(0, 999)};{random.random():.3f};FR;{random.choice(['oui', 'non'])}"
                     for i in range(40)),
    "accounts": "\n".join(f"user{i}:x:{1000 + i}:{1000 + i}::/home/user{i}:/bin/bash" for i in range(20)),
    "urls": " ".join(f"https://www.example{i}.org/article/{random.randint(1000, 9999)}.html" for i in range(30)),
    "base64": base64.b64encode(bytes(random.randrange(256) for _ in range(900))).decode(),
    "numbers": " ".join(str(random.randint(0, 10 ** 6)) for _ in range(200)),
    "hex": " ".join(f"{random.randrange(256):02x}" for _ in range(400)),
    "json": json.dumps([{"id": i, "v": random.random()} for i in range(30)]),
    "symbols": "-- ** // ## == ++ ~~ || << >> " * 10,
    "one word": "Array",
    "digits": "12 34 56 78 90",
}


@pytest.mark.parametrize("name", sorted(NOT_PROSE))
def test_text_that_is_not_prose_has_no_language(name):
    guess = detect_language(NOT_PROSE[name])
    assert guess.language is None, guess
    assert guess.evidence


def test_pseudo_text_is_not_french():
    lorem = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore "
             "et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.")
    gibberish = " ".join("".join(random.choice(string.ascii_lowercase) for _ in range(random.randint(2, 9)))
                         for _ in range(60))
    for text in (lorem, gibberish):
        assert detect_language(text).language != "fr"


def test_word_share():
    assert word_share(FRENCH) > 0.9
    assert word_share("« Nous avons eu des discussions très utiles », a-t-il dit (à Moscou).") == 1.0
    assert word_share(NOT_PROSE["urls"]) < MIN_WORD_SHARE
    assert word_share("") == 0.0


def test_not_prose_is_quarantined_with_its_reason(tmp_path):
    (tmp_path / "good.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "table.txt").write_text(NOT_PROSE["csv"], encoding="utf-8")
    (tmp_path / "batch.jsonl").write_text(
        json.dumps({"id": "rec-good", "text": FRENCH + " Suite."}) + "\n"
        + json.dumps({"id": "rec-links", "text": NOT_PROSE["urls"]}) + "\n", encoding="utf-8")
    result = read_folder(tmp_path)
    assert sorted(a["source_name"] for a in result.articles) == ["good.txt", "rec-good"]
    assert all(a["language"] == "fr" for a in result.articles)
    bad = {row["source_name"]: row for row in result.quarantine}
    assert set(bad) == {"table.txt", "rec-links"}
    for row in bad.values():
        assert row["reason_code"] == "not_prose" and row["reason"].startswith("not prose:")
        assert row["detected_language"] is None
    assert "jsonl line 2" in bad["rec-links"]["reason"]


def test_accepted_languages_are_kept(tmp_path):
    from dagster_project.ingest.reader import ReadOptions

    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    result = read_folder(tmp_path, ReadOptions(languages=frozenset({"fr", "de"})))
    assert sorted(a["language"] for a in result.articles) == ["de", "fr"] and not result.quarantine
