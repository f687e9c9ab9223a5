with

mentions as (

    select * from {{ ref('int_entity_mentions_resolved') }}

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
