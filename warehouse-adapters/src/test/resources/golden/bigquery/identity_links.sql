-- bigquery: identity_links

-- the table
CREATE TABLE IF NOT EXISTS `marketing.identity_links` (
  anonymous_id STRING NOT NULL OPTIONS(description="the anonymous id of an accepted event that carries both ids"),
  user_id STRING NOT NULL OPTIONS(description="the user id it is linked to"),
  event_time TIMESTAMP NOT NULL OPTIONS(description="the event_time of that event"),
  event_id STRING NOT NULL OPTIONS(description="the event (key)")
)
PARTITION BY DATE(event_time)
CLUSTER BY event_id
OPTIONS(require_partition_filter = TRUE);

-- a staging table
CREATE TABLE IF NOT EXISTS `marketing._stage_identity_links` LIKE `marketing.identity_links` OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 1 DAY));

-- replace the staged keys
MERGE `marketing.identity_links` t USING `marketing._stage_identity_links` s ON t.event_id = s.event_id AND DATE(t.event_time) BETWEEN @from_day AND @to_day WHEN MATCHED THEN UPDATE SET anonymous_id = s.anonymous_id, user_id = s.user_id, event_time = s.event_time WHEN NOT MATCHED THEN INSERT ROW;

-- replace a day
MERGE `marketing.identity_links` t USING `marketing._stage_identity_links` s ON FALSE WHEN NOT MATCHED BY SOURCE AND DATE(t.event_time) = @day THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
