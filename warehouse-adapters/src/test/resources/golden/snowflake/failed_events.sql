-- snowflake: failed_events

-- the table
CREATE TABLE IF NOT EXISTS marketing.failed_events (
    failure_id VARCHAR NOT NULL COMMENT 'deterministic: md5 of the raw message text',
    received_at TIMESTAMP_NTZ COMMENT 'when the collector (or the lake file) says it arrived',
    source_id VARCHAR COMMENT 'the source (write key\'s name), when known',
    reason VARCHAR NOT NULL COMMENT 'a code from events.md',
    detail VARCHAR NOT NULL COMMENT 'a sentence a person can act on',
    raw VARCHAR NOT NULL COMMENT 'the message as received',
    event_id VARCHAR COMMENT 'the messageId if one could be read'
)
CLUSTER BY (TO_DATE(received_at));

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_failed_events LIKE marketing.failed_events;

-- replace the staged keys
DELETE FROM marketing.failed_events t USING marketing._stage_failed_events s WHERE t.failure_id = s.failure_id;
INSERT INTO marketing.failed_events (failure_id, received_at, source_id, reason, detail, raw, event_id) SELECT failure_id, received_at, source_id, reason, detail, raw, event_id FROM marketing._stage_failed_events;

-- replace a day
DELETE FROM marketing.failed_events t WHERE TO_DATE(t.received_at) = ?;
INSERT INTO marketing.failed_events (failure_id, received_at, source_id, reason, detail, raw, event_id) SELECT failure_id, received_at, source_id, reason, detail, raw, event_id FROM marketing._stage_failed_events;
