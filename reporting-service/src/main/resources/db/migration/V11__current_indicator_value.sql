-- Each indicator period's current value beside its pointer: measuring an indicator's status after a fold reads the
-- narrow pointer rows of its periods alone, instead of joining each to its fact in the table of the whole history.
alter table current_indicator_fact add column value numeric;
update current_indicator_fact c set value = f.value from indicator_fact f where f.event_id = c.event_id;
alter table current_indicator_fact alter column value set not null;
