"""Bytes to text: declared charsets, charset-normalizer where the bytes say nothing, never mojibake."""
import pytest

from dagster_project.ingest.encoding import declared_charset, decode_bytes
from dagster_project.ingest.reader import read_folder

FRENCH = ("Le ministre russe des Affaires étrangères, Sergueï Lavrov, a reçu mardi à Moscou son homologue "
          "nord-coréenne, Choe Son-hui. Les deux ministres ont évoqué la coopération entre leurs pays, selon "
          "un communiqué publié après la rencontre. « Nous avons eu des discussions très utiles », a déclaré "
          "M. Lavrov, ajoutant que les relations étaient « au plus haut niveau ».")
RUSSIAN = ("Министр иностранных дел России Сергей Лавров принял во вторник в Москве свою северокорейскую коллегу "
           "Чхве Сон Хи. Министры обсудили сотрудничество между двумя странами, говорится в заявлении.")


@pytest.mark.parametrize("text, codec, expected", [
    (FRENCH, "latin-1", "iso-8859-1"),
    (FRENCH.replace("« ", "“").replace(" »", "”") + " L’œuvre coûte 5 € — dit-il.", "cp1252", "cp1252"),
    ("Les élèves français à Pékin.", "latin-1", "iso-8859-1"),  # too short for a language: stays Western
    ("Déjà vu à Moscou.", "cp1252", "iso-8859-1"),
    (FRENCH, "cp850", "cp850"),  # a DOS file
    (RUSSIAN, "cp1251", "cp1251"),
    (RUSSIAN, "koi8-r", "koi8-r"),
])
def test_legacy_encodings_are_recognised(text, codec, expected):
    decoded = decode_bytes(text.encode(codec))
    assert (decoded.text, decoded.encoding) == (text, expected)


def test_undecodable_bytes_stay_undecodable():
    decoded = decode_bytes(b"caf\x81\x8d\x90 \x9d")
    assert (decoded.text, decoded.code, decoded.encoding) == (None, "undecodable", "unknown")


def test_a_declared_charset_is_used_when_the_bytes_are_not_utf8():
    page = f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-15'></head>" \
           f"<body><p>{FRENCH} Il coûte 5 €.</p></body></html>"
    decoded = decode_bytes(page.encode("iso-8859-15"))
    assert decoded.encoding == "iso8859-15" and "5 €" in decoded.text and "étrangères" in decoded.text
    latin = f"<html><head><meta charset=\"iso-8859-1\"></head><body><p>{FRENCH} “Oui”</p></body></html>"
    decoded = decode_bytes(latin.encode("cp1252"))  # browsers read iso-8859-1 as windows-1252
    assert decoded.encoding == "cp1252" and "“Oui”" in decoded.text


def test_utf8_bytes_win_over_a_wrong_declared_charset():
    page = f"<html><head><meta charset='iso-8859-1'></head><body><p>{FRENCH}</p></body></html>"
    decoded = decode_bytes(page.encode("utf-8"))
    assert decoded.encoding == "utf-8" and "étrangères" in decoded.text and "Ã" not in decoded.text


def test_declared_charset():
    assert declared_charset(b"<meta charset='Windows-1252'>") == "cp1252"
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?><html>') == "iso8859-1"
    assert declared_charset(b"<meta charset='no-such-codec'>") is None
    assert declared_charset(b"plain text, charset=utf-8 said nobody") is None


def test_russian_in_a_legacy_code_page_is_quarantined_as_russian_not_loaded_as_mojibake(tmp_path):
    """Read as Windows-1252, these bytes are 'Ìèíèñòð èíîñòðàííûõ äåë' and used to load as an article."""
    (tmp_path / "ru.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (tmp_path / "fr.txt").write_bytes(FRENCH.encode("cp850"))
    result = read_folder(tmp_path)
    [article] = result.articles
    assert (article["source_name"], article["text"], article["detected_encoding"]) == ("fr.txt", FRENCH, "cp850")
    [bad] = result.quarantine
    assert (bad["source_name"], bad["reason_code"], bad["detected_language"], bad["detected_encoding"]) == (
        "ru.txt", "language", "ru", "cp1251")
