-- bigquery: identity_links

-- a staging table
CREATE TABLE IF NOT EXISTS `marketing._stage_identity_links` LIKE `marketing.identity_links` OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 1 DAY));

-- replace the staged keys
MERGE `marketing.identity_links` t USING `marketing._stage_identity_links` s ON t.event_id = s.event_id AND DATE(t.event_time) BETWEEN @from_day AND @to_day WHEN MATCHED THEN UPDATE SET anonymous_id = s.anonymous_id, user_id = s.user_id, event_time = s.event_time WHEN NOT MATCHED THEN INSERT ROW;

-- delete the staged keys
DELETE FROM `marketing.identity_links` t WHERE t.event_id IN (SELECT k FROM `marketing._stage_keys`) AND DATE(t.event_time) BETWEEN @from_day AND @to_day;

-- insert the staged rows whose key is not stored
INSERT INTO `marketing.identity_links` (anonymous_id, user_id, event_time, event_id) SELECT anonymous_id, user_id, event_time, event_id FROM `marketing._stage_identity_links` s WHERE NOT EXISTS (SELECT 1 FROM `marketing.identity_links` t WHERE t.event_id = s.event_id) QUALIFY ROW_NUMBER() OVER (PARTITION BY event_id) = 1;

-- replace a day
MERGE `marketing.identity_links` t USING `marketing._stage_identity_links` s ON FALSE WHEN NOT MATCHED BY SOURCE AND DATE(t.event_time) = @day THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
