with

source as (

    select * from {{ source('nlp', 'sentences') }}

),

renamed as (

    select
        article_id || ':' || sentence_idx as sentence_key,
        article_id,
        sentence_idx,
        char_start,
        char_end,
        text as sentence_text

    from source

)

select * from renamed
