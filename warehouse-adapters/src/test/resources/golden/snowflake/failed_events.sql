-- snowflake: failed_events

-- load rows (a JDBC batch, sent as arrays)
INSERT INTO marketing.failed_events (failure_id, received_at, source_id, reason, detail, raw, event_id) VALUES (?, ?, ?, ?, ?, ?, ?);

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_failed_events LIKE marketing.failed_events;

-- replace the staged keys
DELETE FROM marketing.failed_events t USING marketing._stage_failed_events s WHERE t.failure_id = s.failure_id;
INSERT INTO marketing.failed_events (failure_id, received_at, source_id, reason, detail, raw, event_id) SELECT failure_id, received_at, source_id, reason, detail, raw, event_id FROM marketing._stage_failed_events;

-- delete the staged keys
DELETE FROM marketing.failed_events WHERE failure_id IN (SELECT k FROM marketing._stage_keys);

-- insert the staged rows whose key is not stored
INSERT INTO marketing.failed_events (failure_id, received_at, source_id, reason, detail, raw, event_id) SELECT failure_id, received_at, source_id, reason, detail, raw, event_id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY failure_id ORDER BY failure_id) AS turnout_copy FROM marketing._stage_failed_events) s WHERE turnout_copy = 1 AND NOT EXISTS (SELECT 1 FROM marketing.failed_events t WHERE t.failure_id = s.failure_id);

-- replace a day
DELETE FROM marketing.failed_events t WHERE TO_DATE(t.received_at) = ?;
INSERT INTO marketing.failed_events (failure_id, received_at, source_id, reason, detail, raw, event_id) SELECT failure_id, received_at, source_id, reason, detail, raw, event_id FROM marketing._stage_failed_events;
