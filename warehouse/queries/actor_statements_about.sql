-- Everything one actor said about another.
-- Statements (quotes and indirect speech) whose speaker is the first actor and whose text mentions
-- the second one: a mention of that actor (name, role, pronoun or metonym such as 'Pyongyang')
-- inside the statement's span of the article, or one of its names written in the text.
-- Actors are named by id or by a part of any of their names (case and accents ignored).
-- One row per statement, by date then article and position; `about_via` says how the mention was found.
-- @param speaker lavrov  who speaks (actor id or part of a name)
-- @param subject 'corée du nord'  who is spoken about (actor id or part of a name)
with actor_names as (
    select actor_id, canonical_name,
           list_transform(list_prepend(canonical_name, aliases), lambda n: strip_accents(lower(n))) as names
    from marts.dim_actors
),
speaker as (
    select actor_id from actor_names
    where actor_id = getvariable('speaker')
       or len(list_filter(names, lambda n: n like '%' || strip_accents(lower(getvariable('speaker'))) || '%')) > 0
),
subject as (
    select actor_id, names from actor_names
    where actor_id = getvariable('subject')
       or len(list_filter(names, lambda n: n like '%' || strip_accents(lower(getvariable('subject'))) || '%')) > 0
),
by_mention as (
    select distinct s.statement_id
    from marts.fct_statements s
    join marts.fct_entity_mentions em
      on em.article_id = s.article_id and em.char_start >= s.char_start and em.char_end <= s.char_end
    where em.actor_id in (select actor_id from subject)
),
by_name as (
    select distinct s.statement_id
    from marts.fct_statements s, subject sub
    where len(list_filter(sub.names, lambda n: length(n) > 2
              and regexp_matches(strip_accents(lower(s.text)), '\b' || regexp_escape(n) || '\b'))) > 0
)
select
    coalesce(s.statement_date, d.published_date) as said_on,
    sp.canonical_name as speaker,
    s.statement_type,
    s.text,
    case when s.statement_id in (select statement_id from by_mention) then 'mention' else 'name' end as about_via,
    d.source_name as article,
    s.statement_id
from marts.fct_statements s
join marts.dim_actors sp on sp.actor_id = s.speaker_actor_id
join marts.dim_articles d using (article_id)
where s.speaker_actor_id in (select actor_id from speaker)
  and s.speaker_actor_id not in (select actor_id from subject)
  and (s.statement_id in (select statement_id from by_mention) or s.statement_id in (select statement_id from by_name))
order by said_on nulls last, d.source_name, s.char_start;
