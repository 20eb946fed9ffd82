-- Every click batch updates the counter rows of the links it touched. With free room on each page
-- those updates are HOT (heap-only: no new entries in the three indexes), which halves what the
-- counters cost PostgreSQL per click (measured in load-tests/README.md).
ALTER TABLE link_clicks_hourly SET (fillfactor = 50);
