-- The projector finds the next revision of an indicator-period for every event it applies; without this
-- index that was a scan of the whole history, and a replay from offset 0 grew with the square of the log.
create index observation_by_period on observation (indicator, period, revision);
