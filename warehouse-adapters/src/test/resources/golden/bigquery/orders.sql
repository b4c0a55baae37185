-- bigquery: orders

-- a staging table
CREATE TEMP TABLE IF NOT EXISTS `marketing._stage_orders` (order_id STRING, event_id STRING, ordered_at TIMESTAMP, event_date DATE, anonymous_id STRING, user_id STRING, customer_key STRING, session_id STRING, revenue NUMERIC(18,4), currency STRING, duplicate_events INT64);

-- replace the staged keys
MERGE `marketing.orders` t USING `marketing._stage_orders` s ON t.order_id = s.order_id AND t.event_date >= DATE '1970-01-01' WHEN MATCHED THEN UPDATE SET event_id = s.event_id, ordered_at = s.ordered_at, event_date = s.event_date, anonymous_id = s.anonymous_id, user_id = s.user_id, customer_key = s.customer_key, session_id = s.session_id, revenue = s.revenue, currency = s.currency, duplicate_events = s.duplicate_events WHEN NOT MATCHED THEN INSERT ROW;

-- delete the staged keys
DELETE FROM `marketing.orders` t WHERE t.order_id IN (SELECT k FROM `marketing._stage_keys`) AND t.event_date >= DATE '1970-01-01';

-- insert the staged rows whose key is not stored
INSERT INTO `marketing.orders` (order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events) SELECT order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events FROM `marketing._stage_orders` s WHERE NOT EXISTS (SELECT 1 FROM `marketing.orders` t WHERE t.order_id = s.order_id) QUALIFY ROW_NUMBER() OVER (PARTITION BY order_id) = 1;

-- replace a day
MERGE `marketing.orders` t USING `marketing._stage_orders` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = ? THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
