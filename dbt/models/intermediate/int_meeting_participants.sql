with

participants as (

    select * from {{ ref('stg_nlp__meeting_participants') }}

),

meetings as (

    select * from {{ ref('stg_nlp__meetings') }}

),

actors as (

    select * from {{ ref('stg_nlp__actors') }}

),

{#- The resolution decides who took part (participants most reports agree on); keep pairs whose
    meeting and actor both exist. -#}
known as (

    select
        participants.participation_key,
        participants.meeting_id,
        participants.actor_id

    from participants
    inner join meetings
        on participants.meeting_id = meetings.meeting_id
    inner join actors
        on participants.actor_id = actors.actor_id

)

select * from known
