with

meeting_mentions as (

    select * from {{ ref('stg_nlp__meeting_mentions') }}

),

mention_map as (

    select * from {{ ref('stg_nlp__meeting_mention_map') }}

),

evidence as (

    select
        substr(
            md5(concat_ws(
                '|',
                meeting_mentions.article_id,
                meeting_mentions.meeting_idx,
                meeting_mentions.char_start,
                meeting_mentions.char_end
            )),
            1,
            16
        ) as evidence_id,
        meeting_mentions.meeting_mention_key,
        mention_map.meeting_id,
        meeting_mentions.article_id,
        meeting_mentions.meeting_idx,
        meeting_mentions.char_start,
        meeting_mentions.char_end,
        meeting_mentions.sentence_text,
        meeting_mentions.meeting_trigger,
        meeting_mentions.reported_date,
        meeting_mentions.reported_precision,
        meeting_mentions.reported_status,
        meeting_mentions.participant_entity_idxs,
        meeting_mentions.reported_date_basis

    from meeting_mentions
    inner join mention_map
        on meeting_mentions.meeting_mention_key = mention_map.meeting_mention_key

)

select * from evidence
