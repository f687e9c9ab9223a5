{#- Incremental by article (macros/changed_articles.sql): a refresh rebuilds the changed articles' rows. -#}
{{ article_incremental() }}

with

entities as (

    select * from {{ ref('stg_nlp__entities') }}
    {{ where_changed_articles() }}

),

entity_actors as (

    select * from {{ ref('stg_nlp__entity_actors') }}
    {{ where_changed_articles() }}

),

resolved as (

    select
        entities.entity_key,
        entities.article_id,
        entities.entity_idx,
        entity_actors.actor_id,
        entities.entity_name,
        entities.actor_type,
        entities.dict_key,
        entities.gender,
        entities.country_code,
        entities.forms,
        entities.entity_description

    from entities
    left join entity_actors
        on entities.entity_key = entity_actors.entity_key

)

select * from resolved
