-- Who acted through the client: the token's subject (the person who logged in, or the client itself), named
-- in the provenance of every figure. Facts folded before it was kept were made by their client acting for itself.
alter table indicator_fact add column actor text;
update indicator_fact set actor = client_id;
alter table progress_fact add column actor text;
update progress_fact set actor = client_id;
alter table quarterly_update_fact add column actor text;
update quarterly_update_fact set actor = client_id;
