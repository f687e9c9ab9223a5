with

source as (

    select * from {{ source('nlp', 'statements') }}

),

renamed as (

    select
        article_id || ':' || statement_idx as statement_key,
        article_id,
        statement_idx,
        sentence_idx,
        char_start,
        char_end,
        text as statement_text,
        statement_type,
        cue_verb,
        speaker_entity_idx,
        speaker_text,
        speaker_char_start,
        speaker_char_end,
        speaker_description,
        reported_via_entity_idx,
        cast(statement_date as date) as statement_date

    from source

)

select * from renamed
