-- Every fact appended writes an entry into each index of its table, and retiring the key's previous revision
-- (current = false) writes a new version of that row into each index again. No read uses these since the as-of
-- reads probe each period from its current row (V8); seq stays distinct without an index, its sequence numbers it.
drop index indicator_fact_as_of, progress_fact_as_of;
alter table indicator_fact drop constraint indicator_fact_seq_key;
alter table progress_fact drop constraint progress_fact_seq_key;
