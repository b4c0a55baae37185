-- bigquery: cart_abandonments

-- a staging table
CREATE TEMP TABLE IF NOT EXISTS `marketing._stage_cart_abandonments` (session_id STRING, customer_key STRING, anonymous_id STRING, user_id STRING, last_product_added_at TIMESTAMP, abandoned_at TIMESTAMP, event_date DATE, cart_value NUMERIC(18,4), items INT64);

-- replace the staged keys
MERGE `marketing.cart_abandonments` t USING `marketing._stage_cart_abandonments` s ON t.session_id = s.session_id AND t.event_date >= DATE '1970-01-01' WHEN MATCHED THEN UPDATE SET customer_key = s.customer_key, anonymous_id = s.anonymous_id, user_id = s.user_id, last_product_added_at = s.last_product_added_at, abandoned_at = s.abandoned_at, event_date = s.event_date, cart_value = s.cart_value, items = s.items WHEN NOT MATCHED THEN INSERT ROW;

-- delete the staged keys
DELETE FROM `marketing.cart_abandonments` t WHERE t.session_id IN (SELECT k FROM `marketing._stage_keys`) AND t.event_date >= DATE '1970-01-01';

-- insert the staged rows whose key is not stored
INSERT INTO `marketing.cart_abandonments` (session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items) SELECT session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items FROM `marketing._stage_cart_abandonments` s WHERE NOT EXISTS (SELECT 1 FROM `marketing.cart_abandonments` t WHERE t.session_id = s.session_id) QUALIFY ROW_NUMBER() OVER (PARTITION BY session_id) = 1;

-- replace a day
MERGE `marketing.cart_abandonments` t USING `marketing._stage_cart_abandonments` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = ? THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;

-- replace the staged session keys of a day
MERGE `marketing.cart_abandonments` t USING `marketing._stage_cart_abandonments` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = ? AND t.session_id IN (SELECT k FROM `marketing._stage_keys`) THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
