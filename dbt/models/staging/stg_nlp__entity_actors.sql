with

source as (

    select * from {{ source('nlp', 'entity_actors') }}

),

renamed as (

    select
        article_id || ':' || entity_idx as entity_key,
        article_id,
        entity_idx,
        actor_id

    from source

)

select * from renamed
