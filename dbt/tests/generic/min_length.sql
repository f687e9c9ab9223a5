{#- Every non-null text of the column has at least `length` characters. -#}
{% test min_length(model, column_name, length) %}

select {{ column_name }}
from {{ model }}
where length({{ column_name }}) < {{ length }}

{% endtest %}
