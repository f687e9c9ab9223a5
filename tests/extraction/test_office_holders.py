"""Who holds an office on a date: the dictionary's office holders (world knowledge, not article text)."""
from collections import defaultdict
from datetime import date

import pytest

from dagster_project.extraction import rules
from dagster_project.extraction.gazetteer import gazetteer
from tests.extraction.conftest import speaker_of


@pytest.mark.parametrize("role, country, on, holder", [
    ("head_of_state", "FR", date(2012, 3, 1), "nicolas_sarkozy"),
    ("head_of_government", "FR", date(2012, 3, 1), "francois_fillon"),
    ("foreign_minister", "FR", date(2012, 3, 1), "alain_juppe"),
    ("head_of_government", "FR", date(2016, 5, 22), "manuel_valls"),
    ("foreign_minister", "GB", date(2013, 6, 1), "william_hague"),
    ("foreign_minister", "DE", date(2013, 6, 1), "guido_westerwelle"),
    ("head_of_state", "CN", date(2012, 11, 1), "hu_jintao"),
    ("head_of_government", "CN", date(2012, 11, 1), "wen_jiabao"),
    ("foreign_minister", "CN", date(2012, 11, 1), "yang_jiechi"),
    ("head_of_state", "IT", date(2014, 6, 1), "giorgio_napolitano"),
    ("head_of_government", "IT", date(2012, 6, 1), "mario_monti"),
    ("head_of_government", "IT", date(2013, 10, 1), "enrico_letta"),
    ("foreign_minister", "IT", date(2017, 6, 1), "angelino_alfano"),
    ("foreign_minister", "IT", date(2019, 1, 1), "enzo_moavero_milanesi"),
    ("head_of_state", "ES", date(2013, 1, 1), "juan_carlos_i"),
    ("head_of_state", "ES", date(2015, 1, 1), "felipe_vi"),
    ("foreign_minister", "ES", date(2015, 1, 1), "jose_manuel_garcia_margallo"),
    ("foreign_minister", "ES", date(2017, 6, 1), "alfonso_dastis"),
    ("head_of_state", "JP", date(2019, 4, 30), "akihito"),
    ("head_of_state", "JP", date(2019, 5, 1), "naruhito"),
    ("head_of_government", "IN", date(2013, 1, 1), "manmohan_singh"),
    ("head_of_state", "IN", date(2015, 1, 1), "pranab_mukherjee"),
    ("head_of_state", "TR", date(2013, 1, 1), "abdullah_gul"),
    ("head_of_state", "IR", date(2012, 6, 1), "mahmoud_ahmadinejad"),
    ("head_of_state", "IL", date(2013, 1, 1), "shimon_peres"),
    ("foreign_minister", "IL", date(2014, 6, 1), "avigdor_lieberman"),
    ("foreign_minister", "IL", date(2020, 9, 1), "gabi_ashkenazi"),
    ("head_of_state", "UA", date(2013, 6, 1), "viktor_yanukovych"),
    ("head_of_government", "UA", date(2015, 1, 1), "arseniy_yatsenyuk"),
    ("head_of_government", "UA", date(2018, 1, 1), "volodymyr_groysman"),
    ("head_of_state", "SA", date(2014, 1, 1), "abdullah_bin_abdulaziz"),
    ("foreign_minister", "SA", date(2014, 1, 1), "saud_al_faisal"),
    ("head_of_state", "EG", date(2013, 1, 1), "mohamed_morsi"),
    ("head_of_government", "CA", date(2014, 1, 1), "stephen_harper"),
    ("foreign_minister", "CA", date(2016, 1, 1), "stephane_dion"),
    ("foreign_minister", "CA", date(2020, 6, 1), "francois_philippe_champagne"),
])
def test_the_dictionary_names_the_holder_of_an_office_on_a_date(role, country, on, holder):
    assert gazetteer().holders(role, country, on) == [holder]


@pytest.mark.parametrize("role, on, holder", [
    ("eu_commission_president", date(2013, 1, 1), "jose_manuel_barroso"),
    ("eu_high_representative", date(2013, 1, 1), "catherine_ashton"),
    ("nato_secretary_general", date(2013, 1, 1), "anders_fogh_rasmussen"),
    ("eu_council_president", date(2013, 1, 1), "herman_van_rompuy"),
    ("eu_council_president", date(2016, 1, 1), "donald_tusk"),
    ("eu_council_president", date(2020, 9, 22), "charles_michel"),
])
def test_the_dictionary_names_the_holder_of_a_world_office_on_a_date(role, on, holder):
    assert gazetteer().world_office_holder(role, on) == holder


def test_no_two_people_hold_a_one_holder_office_of_a_country_at_once():
    spans = defaultdict(list)
    for row in rules.actor_roles():
        if row["role"] in ("head_of_state", "head_of_government", "foreign_minister") and row["country_code"]:
            spans[(row["role"], row["country_code"])].append(
                (row["valid_from"] or "0000", row["valid_to"] or "9999", row["actor_key"]))
    for key, rows in spans.items():
        rows.sort()
        for (_, end, a), (start, _, b) in zip(rows, rows[1:]):
            assert end <= start, f"{key}: {a} and {b} overlap"


def test_every_office_holder_is_in_the_actor_dictionary():
    actors = {row["actor_key"] for row in rules.actor_dictionary()}
    assert {row["actor_key"] for row in rules.actor_roles()} <= actors


@pytest.mark.parametrize("text, on, fragment, speaker", [
    # a bare title in a one-country story is the holder at the article's date
    ("Le Premier ministre a assuré à Paris que la France tiendrait ses engagements budgétaires.", date(2012, 2, 10),
     "engagements", "François Fillon"),
    # "chef" of "le chef du gouvernement" is not "l'ancien chef de la diplomatie Anton Berg"
    ("Hugo Lemaire, le Premier ministre, est arrivé samedi. Il a pris ses distances avec l'ancien chef de la "
     "diplomatie Anton Berg. Le chef du gouvernement a déclaré que l'accord restait possible.", date(2016, 5, 22),
     "accord", "Hugo Lemaire"),
    # the story follows one prime minister; another is titled once in passing: the bare title is the first
    ("Hugo Lemaire, le Premier ministre français, est arrivé samedi en Israël. Hugo Lemaire a visité une école "
     "construite par la France, puis Hugo Lemaire a reçu une médaille. Hugo Lemaire doit rencontrer lundi le "
     "Premier ministre Anton Berg. Connu pour son combat contre le racisme, le Premier ministre a estimé que "
     "la colonisation devait cesser.", date(2016, 5, 22), "colonisation", "Hugo Lemaire"),
    # "secrétaire d'État aux Transports" is a French junior minister, not the American secretary of state
    ("Le ministre de l'Agriculture, Paul Girard, partira en Corse. « Nous tiendrons les délais », a assuré le "
     "secrétaire d'État aux Transports, Hugo Lemaire.", date(2019, 7, 27), "délais", "Hugo Lemaire"),
    # "Accompagné de son épouse Clara Vidal, le chef de l'État": the woman is not the head of state
    ("Accompagné de son épouse Clara Vidal, le chef de l'État a affirmé que la France tiendrait bon.",
     date(2019, 7, 27), "tiendrait bon", "Emmanuel Macron"),
])
def test_a_title_stands_for_the_holder_the_office_and_the_story_give(extract, text, on, fragment, speaker):
    assert speaker_of(extract(text, on), fragment) == speaker


@pytest.mark.parametrize("title, holder", [
    ("le président du Conseil européen", "Charles Michel"),
    ("le président de l'exécutif européen", "Ursula von der Leyen"),
])
def test_a_title_of_a_european_office_is_its_holder_at_the_date(extract, title, holder):
    text = f"« Le dialogue doit reprendre », a déclaré {title} lors d'une conférence de presse."
    assert speaker_of(extract(text, date(2020, 9, 22)), "dialogue") == holder
