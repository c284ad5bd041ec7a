-- An as-of read finds the newest fact by then of each period (each report, for progress) with one probe of these,
-- starting from the key's current row: its cost follows the number of periods, not the length of the history.
create index indicator_fact_period_as_of on indicator_fact (plan, indicator, period, recorded_at, seq);
create index progress_fact_report_as_of on progress_fact (plan, programme, agency, quarter, recorded_at, seq);
