with

source as (

    select * from {{ source('nlp', 'meeting_mention_map') }}

),

renamed as (

    select
        article_id || ':' || meeting_idx as meeting_mention_key,
        article_id,
        meeting_idx,
        meeting_id

    from source

)

select * from renamed
