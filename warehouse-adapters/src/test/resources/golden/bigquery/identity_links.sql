-- bigquery: identity_links

-- a staging table
CREATE TEMP TABLE IF NOT EXISTS `marketing._stage_identity_links` (anonymous_id STRING, user_id STRING, event_time TIMESTAMP, event_id STRING);

-- replace the staged keys
MERGE `marketing.identity_links` t USING `marketing._stage_identity_links` s ON t.event_id = s.event_id AND t.event_time >= TIMESTAMP '1970-01-01' WHEN MATCHED THEN UPDATE SET anonymous_id = s.anonymous_id, user_id = s.user_id, event_time = s.event_time WHEN NOT MATCHED THEN INSERT ROW;

-- delete the staged keys
DELETE FROM `marketing.identity_links` t WHERE t.event_id IN (SELECT k FROM `marketing._stage_keys`) AND t.event_time >= TIMESTAMP '1970-01-01';

-- insert the staged rows whose key is not stored
INSERT INTO `marketing.identity_links` (anonymous_id, user_id, event_time, event_id) SELECT anonymous_id, user_id, event_time, event_id FROM `marketing._stage_identity_links` s WHERE NOT EXISTS (SELECT 1 FROM `marketing.identity_links` t WHERE t.event_id = s.event_id) QUALIFY ROW_NUMBER() OVER (PARTITION BY event_id) = 1;

-- replace a day
MERGE `marketing.identity_links` t USING `marketing._stage_identity_links` s ON FALSE WHEN NOT MATCHED BY SOURCE AND DATE(t.event_time) = ? THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
