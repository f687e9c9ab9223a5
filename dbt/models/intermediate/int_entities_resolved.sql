with

entities as (

    select * from {{ ref('stg_nlp__entities') }}

),

entity_actors as (

    select * from {{ ref('stg_nlp__entity_actors') }}

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
