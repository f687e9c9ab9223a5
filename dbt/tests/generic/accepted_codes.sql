{#- Every non-null value of the column is one of the codes, alone or followed by a colon and a reason. -#}
{% test accepted_codes(model, column_name, values) %}

select {{ column_name }}
from {{ model }}
where split_part({{ column_name }}, ':', 1) not in (
    {%- for value in values %}'{{ value }}'{{ ", " if not loop.last }}{% endfor -%}
)

{% endtest %}
