{#- Incremental by article (macros/changed_articles.sql): a refresh rebuilds the changed articles' rows. -#}
{{ article_incremental() }}

with

statements as (

    select * from {{ ref('int_statements_resolved') }}
    {{ where_changed_articles() }}

),

final as (

    select
        statement_id,
        article_id,
        speaker_actor_id,
        statement_text as text,
        statement_type,
        speaker_text,
        speaker_char_start,
        speaker_char_end,
        speaker_description,
        char_start,
        char_end,
        cue_verb,
        reported_via_actor_id,
        meeting_id,
        statement_date,
        statement_idx,
        sentence_idx

    from statements

)

select * from final
