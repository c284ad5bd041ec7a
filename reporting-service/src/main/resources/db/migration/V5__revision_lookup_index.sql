-- The projector finds the next revision of an indicator-period for every event it folds; without this
-- index that was a scan of the whole history, and a replay from offset 0 grew with the square of the log.
create index indicator_fact_by_period on indicator_fact (indicator, period, revision);
