with

articles as (

    select * from {{ ref('stg_raw__articles') }}

),

article_sources as (

    select * from {{ ref('stg_raw__article_sources') }}

),

source_counts as (

    select
        article_id,
        count(distinct source_name) as n_sources

    from article_sources
    group by article_id

),

final as (

    select
        articles.article_id,
        articles.source_name,
        articles.published_date,
        articles.published_date_basis,
        articles.title,
        articles.url,
        articles.char_count,
        coalesce(source_counts.n_sources, 1) as n_sources,
        articles.author,
        articles.source_path

    from articles
    left join source_counts
        on articles.article_id = source_counts.article_id

)

select * from final
