with

participants as (

    select * from {{ ref('int_meeting_participants') }}

),

final as (

    select
        meeting_id,
        actor_id

    from participants

)

select * from final
