{#- Incremental by article (macros/changed_articles.sql): a refresh rebuilds the changed articles' rows. -#}
{{ article_incremental() }}

with

statements as (

    select * from {{ ref('stg_nlp__statements') }}
    {{ where_changed_articles() }}

),

entities as (

    select * from {{ ref('int_entities_resolved') }}
    {{ where_changed_articles() }}

),

sentences as (

    select * from {{ ref('stg_nlp__sentences') }}
    {{ where_changed_articles() }}

),

evidence as (

    select * from {{ ref('int_meeting_evidence') }}
    {{ where_changed_articles() }}

),

with_actors as (

    select
        substr(
            md5(concat_ws(
                '|',
                statements.article_id,
                statements.char_start,
                statements.char_end,
                statements.statement_type
            )),
            1,
            16
        ) as statement_id,
        statements.*,
        speakers.actor_id as speaker_actor_id,
        reporters.actor_id as reported_via_actor_id,
        coalesce(sentences.char_start, statements.char_start) as context_start,
        coalesce(sentences.char_end, statements.char_end) as context_end

    from statements
    left join entities as speakers
        on statements.article_id = speakers.article_id
        and statements.speaker_entity_idx = speakers.entity_idx
    left join entities as reporters
        on statements.article_id = reporters.article_id
        and statements.reported_via_entity_idx = reporters.entity_idx
    left join sentences
        on statements.article_id = sentences.article_id
        and statements.sentence_idx = sentences.sentence_idx

),

{#- The meeting with evidence in the statement's sentence; the nearest one if several. -#}
sentence_meeting_candidates as (

    select
        with_actors.statement_id,
        evidence.meeting_id,
        abs(evidence.char_start - with_actors.char_start) as distance

    from with_actors
    inner join evidence
        on with_actors.article_id = evidence.article_id
        and with_actors.context_end > evidence.char_start
        and with_actors.context_start < evidence.char_end

),

sentence_meetings as (

    {{ first_row_per('sentence_meeting_candidates', 'statement_id', 'distance, meeting_id') }}

),

resolved as (

    select
        with_actors.statement_id,
        with_actors.statement_key,
        with_actors.article_id,
        with_actors.statement_idx,
        with_actors.speaker_actor_id,
        with_actors.speaker_text,
        with_actors.speaker_char_start,
        with_actors.speaker_char_end,
        with_actors.speaker_description,
        with_actors.statement_text,
        with_actors.char_start,
        with_actors.char_end,
        with_actors.statement_type,
        with_actors.cue_verb,
        with_actors.reported_via_actor_id,
        sentence_meetings.meeting_id,
        with_actors.statement_date,
        with_actors.sentence_idx

    from with_actors
    left join sentence_meetings
        on with_actors.statement_id = sentence_meetings.statement_id

),

{#- Same span and type = same statement; keep the first. -#}
deduplicated as (

    {{ first_row_per('resolved', 'statement_id', 'statement_idx') }}

)

select * from deduplicated
