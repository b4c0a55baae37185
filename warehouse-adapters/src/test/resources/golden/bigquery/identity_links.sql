-- bigquery: identity_links

-- a staging table
CREATE TABLE IF NOT EXISTS `marketing._stage_identity_links` LIKE `marketing.identity_links` OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 1 DAY));

-- replace the staged keys
MERGE `marketing.identity_links` t USING `marketing._stage_identity_links` s ON t.event_id = s.event_id AND DATE(t.event_time) BETWEEN @from_day AND @to_day WHEN MATCHED THEN UPDATE SET anonymous_id = s.anonymous_id, user_id = s.user_id, event_time = s.event_time WHEN NOT MATCHED THEN INSERT ROW;

-- replace a day
MERGE `marketing.identity_links` t USING `marketing._stage_identity_links` s ON FALSE WHEN NOT MATCHED BY SOURCE AND DATE(t.event_time) = @day THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
