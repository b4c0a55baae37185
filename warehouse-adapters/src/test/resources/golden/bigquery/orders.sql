-- bigquery: orders

-- a staging table
CREATE TABLE IF NOT EXISTS `marketing._stage_orders` LIKE `marketing.orders` OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 1 DAY));

-- replace the staged keys
MERGE `marketing.orders` t USING `marketing._stage_orders` s ON t.order_id = s.order_id AND t.event_date BETWEEN @from_day AND @to_day WHEN MATCHED THEN UPDATE SET event_id = s.event_id, ordered_at = s.ordered_at, event_date = s.event_date, anonymous_id = s.anonymous_id, user_id = s.user_id, customer_key = s.customer_key, session_id = s.session_id, revenue = s.revenue, currency = s.currency, duplicate_events = s.duplicate_events WHEN NOT MATCHED THEN INSERT ROW;

-- delete the staged keys
DELETE FROM `marketing.orders` t WHERE t.order_id IN (SELECT k FROM `marketing._stage_keys`) AND t.event_date BETWEEN @from_day AND @to_day;

-- insert the staged rows whose key is not stored
INSERT INTO `marketing.orders` (order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events) SELECT order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events FROM `marketing._stage_orders` s WHERE NOT EXISTS (SELECT 1 FROM `marketing.orders` t WHERE t.order_id = s.order_id) QUALIFY ROW_NUMBER() OVER (PARTITION BY order_id) = 1;

-- replace a day
MERGE `marketing.orders` t USING `marketing._stage_orders` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = @day THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
