with

source as (

    select * from {{ source('nlp', 'meeting_participants') }}

),

renamed as (

    select
        meeting_id || ':' || actor_id as participation_key,
        meeting_id,
        actor_id

    from source

)

select * from renamed
