with

source as (

    select * from {{ source('nlp', 'entities') }}

),

renamed as (

    select
        article_id || ':' || entity_idx as entity_key,
        article_id,
        entity_idx,
        name as entity_name,
        actor_type,
        dict_key,
        gender,
        country_code,
        coalesce(forms, {{ dbt.array_construct([], 'varchar') }}) as forms,
        description as entity_description

    from source

)

select * from renamed
