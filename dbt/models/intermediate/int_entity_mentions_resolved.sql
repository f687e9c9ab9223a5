{#- Incremental by article (macros/changed_articles.sql): a refresh rebuilds the changed articles' rows. -#}
{{ article_incremental() }}

with

mentions as (

    select * from {{ ref('stg_nlp__entity_mentions') }}
    {{ where_changed_articles() }}

),

entities as (

    select * from {{ ref('int_entities_resolved') }}
    {{ where_changed_articles() }}

),

resolved as (

    select
        substr(md5(concat_ws('|', mentions.article_id, mentions.char_start, mentions.char_end)), 1, 16) as mention_id,
        mentions.article_id,
        mentions.mention_idx,
        mentions.char_start,
        mentions.char_end,
        mentions.mention_text,
        mentions.mention_kind,
        mentions.entity_idx,
        entities.actor_id

    from mentions
    left join entities
        on mentions.article_id = entities.article_id
        and mentions.entity_idx = entities.entity_idx

),

{#- One row per span: two mentions over the same characters are one mention. -#}
deduplicated as (

    {{ first_row_per('resolved', 'mention_id', 'mention_idx') }}

)

select * from deduplicated
