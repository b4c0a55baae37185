-- bigquery: failed_events

-- a staging table
CREATE TEMP TABLE IF NOT EXISTS `marketing._stage_failed_events` (failure_id STRING, received_at TIMESTAMP, source_id STRING, reason STRING, detail STRING, raw STRING, event_id STRING);

-- replace the staged keys
MERGE `marketing.failed_events` t USING `marketing._stage_failed_events` s ON t.failure_id = s.failure_id AND t.received_at >= TIMESTAMP '1970-01-01' WHEN MATCHED THEN UPDATE SET received_at = s.received_at, source_id = s.source_id, reason = s.reason, detail = s.detail, raw = s.raw, event_id = s.event_id WHEN NOT MATCHED THEN INSERT ROW;

-- delete the staged keys
DELETE FROM `marketing.failed_events` t WHERE t.failure_id IN (SELECT k FROM `marketing._stage_keys`) AND t.received_at >= TIMESTAMP '1970-01-01';

-- insert the staged rows whose key is not stored
INSERT INTO `marketing.failed_events` (failure_id, received_at, source_id, reason, detail, raw, event_id) SELECT failure_id, received_at, source_id, reason, detail, raw, event_id FROM `marketing._stage_failed_events` s WHERE NOT EXISTS (SELECT 1 FROM `marketing.failed_events` t WHERE t.failure_id = s.failure_id) QUALIFY ROW_NUMBER() OVER (PARTITION BY failure_id) = 1;

-- replace a day
MERGE `marketing.failed_events` t USING `marketing._stage_failed_events` s ON FALSE WHEN NOT MATCHED BY SOURCE AND DATE(t.received_at) = ? THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
