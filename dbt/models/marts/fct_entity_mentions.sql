{#- Incremental by article (macros/changed_articles.sql): a refresh rebuilds the changed articles' rows. -#}
{{ article_incremental() }}

with

mentions as (

    select * from {{ ref('int_entity_mentions_resolved') }}
    {{ where_changed_articles() }}

),

final as (

    select
        mention_id,
        article_id,
        char_start,
        char_end,
        mention_text as text,
        mention_kind,
        actor_id,
        entity_idx,
        mention_idx

    from mentions

)

select * from final
