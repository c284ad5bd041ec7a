-- An indicator's progress is measured when the view is read, on the current values of its periods that the view reads
-- anyway (current_indicator_fact): keeping it measured cost every fold a read of those values and a write of the
-- progress for each indicator it touched, and every live read a second query for it.
drop table indicator_status;
