with

source as (

    select * from {{ source('nlp', 'actors') }}

),

renamed as (

    select
        actor_id,
        canonical_name,
        actor_type,
        country_code,
        wikidata_id,
        coalesce(aliases, {{ dbt.array_construct([], 'varchar') }}) as aliases

    from source

)

select * from renamed
