-- Timeline of the meetings between two countries.
-- A meeting counts when one participant belongs to each country: a person or organisation whose
-- country_code is the country's, or the country itself (actor_type 'country'). A country is named
-- by its ISO code (RU, KP) or by one of its names ('Russie', 'Corée du Nord'; case and accents ignored).
-- One row per meeting, oldest first; meeting_date is the first day of the period when date_precision
-- is month or year; n_articles = how many articles report it.
-- @param country_a RU  first country (ISO code or name)
-- @param country_b KP  second country (ISO code or name)
with wanted as (
    select side, upper(country_code) as country_code
    from marts.dim_actors a,
         (select 'a' as side, getvariable('country_a') as wanted
          union all select 'b', getvariable('country_b')) p
    where a.country_code is not null
      and (upper(a.country_code) = upper(trim(p.wanted))
           or (a.actor_type = 'country'
               and list_contains(list_transform(list_prepend(a.canonical_name, a.aliases), lambda n: strip_accents(lower(n))),
                                 strip_accents(lower(trim(p.wanted))))))
    group by all
),
sides as (
    select p.meeting_id, w.side
    from marts.bridge_meeting_participants p
    join marts.dim_actors a using (actor_id)
    join wanted w on upper(a.country_code) = w.country_code
    group by all
),
both_sides as (
    select meeting_id from sides group by meeting_id having count(distinct side) = 2
)
select
    m.meeting_date,
    m.date_precision,
    m.status,
    m.location,
    string_agg(a.canonical_name, ', ' order by a.canonical_name) as participants,
    m.n_articles,
    m.meeting_id
from marts.fct_meetings m
join both_sides using (meeting_id)
join marts.bridge_meeting_participants p using (meeting_id)
join marts.dim_actors a using (actor_id)
group by all
order by m.meeting_date nulls last, m.meeting_id;
