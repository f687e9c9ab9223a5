with

source as (

    select * from {{ source('raw', 'articles') }}

),

renamed as (

    select
        article_id,
        source_name,
        source_path,
        title,
        author,
        url,
        text as article_text,
        cast(published_date as date) as published_date,
        published_date_basis,
        char_count

    from source

)

select * from renamed
