-- A key's revisions are numbered once each by its pointer (current_indicator_fact, current_progress_fact): a fold
-- moves a pointer only from the revision it numbered after, so a second writer numbering the same key at once fails
-- there. The unique index on the key and revision was one more index entry for every fact folded; a key's revisions
-- are read in order through the as-of index on the key (V8), sorted.
drop index indicator_fact_revision, progress_fact_revision;
