-- bigquery: failed_events

-- a staging table
CREATE TABLE IF NOT EXISTS `marketing._stage_failed_events` LIKE `marketing.failed_events` OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 1 DAY));

-- replace the staged keys
MERGE `marketing.failed_events` t USING `marketing._stage_failed_events` s ON t.failure_id = s.failure_id AND DATE(t.received_at) BETWEEN @from_day AND @to_day WHEN MATCHED THEN UPDATE SET received_at = s.received_at, source_id = s.source_id, reason = s.reason, detail = s.detail, raw = s.raw, event_id = s.event_id WHEN NOT MATCHED THEN INSERT ROW;

-- replace a day
MERGE `marketing.failed_events` t USING `marketing._stage_failed_events` s ON FALSE WHEN NOT MATCHED BY SOURCE AND DATE(t.received_at) = @day THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
