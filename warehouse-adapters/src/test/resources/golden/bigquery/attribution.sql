-- bigquery: attribution

-- a staging table
CREATE TEMP TABLE IF NOT EXISTS `marketing._stage_attribution` (order_id STRING, model STRING, touch_index INT64, session_id STRING, source STRING, medium STRING, campaign STRING, channel_group STRING, credit FLOAT64, revenue_credit NUMERIC(18,6), currency STRING, ordered_at TIMESTAMP, event_date DATE, customer_key STRING);

-- replace the staged keys
MERGE `marketing.attribution` t USING `marketing._stage_attribution` s ON t.order_id = s.order_id AND t.model = s.model AND t.touch_index = s.touch_index AND t.event_date >= DATE '1970-01-01' WHEN MATCHED THEN UPDATE SET session_id = s.session_id, source = s.source, medium = s.medium, campaign = s.campaign, channel_group = s.channel_group, credit = s.credit, revenue_credit = s.revenue_credit, currency = s.currency, ordered_at = s.ordered_at, event_date = s.event_date, customer_key = s.customer_key WHEN NOT MATCHED THEN INSERT ROW;

-- delete the staged keys
DELETE FROM `marketing.attribution` t WHERE t.order_id IN (SELECT k FROM `marketing._stage_keys`) AND t.event_date >= DATE '1970-01-01';

-- insert the staged rows whose key is not stored
INSERT INTO `marketing.attribution` (order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key) SELECT order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key FROM `marketing._stage_attribution` s WHERE NOT EXISTS (SELECT 1 FROM `marketing.attribution` t WHERE t.order_id = s.order_id AND t.model = s.model AND t.touch_index = s.touch_index) QUALIFY ROW_NUMBER() OVER (PARTITION BY order_id, model, touch_index) = 1;

-- replace a day
MERGE `marketing.attribution` t USING `marketing._stage_attribution` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = ? THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
