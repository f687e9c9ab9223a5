{#- Every non-null value of the column is at least min_value (dbt_utils-style, without the package). -#}
{% test accepted_range(model, column_name, min_value) %}

select {{ column_name }}
from {{ model }}
where {{ column_name }} < {{ min_value }}

{% endtest %}
