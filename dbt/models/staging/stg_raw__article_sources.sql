with

source as (

    select * from {{ source('raw', 'article_sources') }}

),

renamed as (

    select
        article_id || ':' || source_name || ':' || coalesce(source_path, '') as article_source_key,
        article_id,
        source_name,
        source_path

    from source

)

select * from renamed
