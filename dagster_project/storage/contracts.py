"""Layouts of the nlp.* tables (the column contract of dagster_project.extraction), with their row keys."""
from __future__ import annotations

EXTRACTION_TABLES: dict[str, list[tuple[str, str]]] = {
    "sentences": [
        ("article_id", "VARCHAR"),
        ("sentence_idx", "INTEGER"),
        ("char_start", "INTEGER"),
        ("char_end", "INTEGER"),
        ("text", "VARCHAR"),
    ],
    "entity_mentions": [
        ("article_id", "VARCHAR"),
        ("mention_idx", "INTEGER"),
        ("char_start", "INTEGER"),
        ("char_end", "INTEGER"),
        ("text", "VARCHAR"),
        ("mention_kind", "VARCHAR"),
        ("entity_idx", "INTEGER"),
    ],
    "entities": [
        ("article_id", "VARCHAR"),
        ("entity_idx", "INTEGER"),
        ("name", "VARCHAR"),
        ("actor_type", "VARCHAR"),
        ("dict_key", "VARCHAR"),
        ("gender", "VARCHAR"),
        ("country_code", "VARCHAR"),
        ("forms", "VARCHAR[]"),
        ("description", "VARCHAR"),
    ],
    "statements": [
        ("article_id", "VARCHAR"),
        ("statement_idx", "INTEGER"),
        ("char_start", "INTEGER"),
        ("char_end", "INTEGER"),
        ("text", "VARCHAR"),
        ("statement_type", "VARCHAR"),
        ("cue_verb", "VARCHAR"),
        ("speaker_entity_idx", "INTEGER"),
        ("speaker_text", "VARCHAR"),
        ("speaker_char_start", "INTEGER"),
        ("speaker_char_end", "INTEGER"),
        ("speaker_description", "VARCHAR"),
        ("reported_via_entity_idx", "INTEGER"),
        ("statement_date", "DATE"),
        ("sentence_idx", "INTEGER"),
    ],
    "meeting_mentions": [
        ("article_id", "VARCHAR"),
        ("meeting_idx", "INTEGER"),
        ("char_start", "INTEGER"),
        ("char_end", "INTEGER"),
        ("sentence_text", "VARCHAR"),
        ("trigger", "VARCHAR"),
        ("mode", "VARCHAR"),
        ("location", "VARCHAR"),
        ("meeting_date", "DATE"),
        ("date_precision", "VARCHAR"),
        ("status", "VARCHAR"),
        ("participant_entity_idxs", "INTEGER[]"),
        ("date_basis", "VARCHAR"),
    ],
    "date_expressions": [
        ("article_id", "VARCHAR"),
        ("char_start", "INTEGER"),
        ("char_end", "INTEGER"),
        ("text", "VARCHAR"),
        ("resolved_date", "DATE"),
        ("date_precision", "VARCHAR"),
        ("kind", "VARCHAR"),
    ],
}

# Sort order of the inserted rows (deterministic tables).
EXTRACTION_SORT: dict[str, list[str]] = {
    "sentences": ["article_id", "sentence_idx"],
    "entity_mentions": ["article_id", "mention_idx"],
    "entities": ["article_id", "entity_idx"],
    "statements": ["article_id", "statement_idx"],
    "meeting_mentions": ["article_id", "meeting_idx"],
    "date_expressions": ["article_id", "char_start", "char_end", "kind"],
}

RESOLUTION_TABLES: dict[str, list[tuple[str, str]]] = {
    "actors": [
        ("actor_id", "VARCHAR"),
        ("canonical_name", "VARCHAR"),
        ("actor_type", "VARCHAR"),
        ("country_code", "VARCHAR"),
        ("wikidata_id", "VARCHAR"),
        ("aliases", "VARCHAR[]"),
    ],
    "entity_actors": [
        ("article_id", "VARCHAR"),
        ("entity_idx", "INTEGER"),
        ("actor_id", "VARCHAR"),
    ],
    "meetings": [
        ("meeting_id", "VARCHAR"),
        ("meeting_date", "DATE"),
        ("date_precision", "VARCHAR"),
        ("location", "VARCHAR"),
        ("status", "VARCHAR"),
        ("mode", "VARCHAR"),
    ],
    "meeting_mention_map": [
        ("article_id", "VARCHAR"),
        ("meeting_idx", "INTEGER"),
        ("meeting_id", "VARCHAR"),
    ],
    "meeting_participants": [
        ("meeting_id", "VARCHAR"),
        ("actor_id", "VARCHAR"),
    ],
}

RESOLUTION_SORT: dict[str, list[str]] = {
    "actors": ["actor_id"],
    "entity_actors": ["article_id", "entity_idx", "actor_id"],
    "meetings": ["meeting_id"],
    "meeting_mention_map": ["article_id", "meeting_idx", "meeting_id"],
    "meeting_participants": ["meeting_id", "actor_id"],
}

PARSE_LOG = [("article_id", "VARCHAR"), ("extractor_version", "VARCHAR")]
PARSE_ERRORS = [("article_id", "VARCHAR"), ("extractor_version", "VARCHAR"), ("error", "VARCHAR")]

DESCRIPTIONS = {
    "sentences": "Sentences of each article with character offsets into raw.articles.text.",
    "entity_mentions": "Name, role and pronoun mentions of actors, with offsets and the article-local entity they refer to.",
    "entities": "Article-local entities (one per actor mentioned in an article) with their surface forms.",
    "statements": "Direct quotes and indirect-speech clauses with speaker, cue verb and offsets.",
    "meeting_mentions": "Sentences reporting a meeting: trigger, date, location, status and participant entities.",
    "date_expressions": "French date expressions found in the articles, resolved against the publication date.",
    "actors": "Actors resolved across all articles (dictionary and name matching), with aliases.",
    "entity_actors": "Which corpus actor each article-local entity is.",
    "meetings": "Meetings resolved across articles (same participants, compatible dates).",
    "meeting_mention_map": "Which corpus meeting each meeting mention reports.",
    "meeting_participants": "Participants of each corpus meeting (the actors most of its reports agree on).",
}
