with

source as (

    select * from {{ source('nlp', 'entity_mentions') }}

),

renamed as (

    select
        article_id || ':' || mention_idx as mention_key,
        article_id,
        mention_idx,
        char_start,
        char_end,
        text as mention_text,
        mention_kind,
        entity_idx

    from source

)

select * from renamed
