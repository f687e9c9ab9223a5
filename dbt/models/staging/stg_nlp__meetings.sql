with

source as (

    select * from {{ source('nlp', 'meetings') }}

),

renamed as (

    select
        meeting_id,
        cast(meeting_date as date) as meeting_date,
        date_precision,
        location,
        status,
        mode as meeting_mode

    from source

)

select * from renamed
