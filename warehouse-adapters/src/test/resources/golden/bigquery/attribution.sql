-- bigquery: attribution

-- a staging table
CREATE TABLE IF NOT EXISTS `marketing._stage_attribution` LIKE `marketing.attribution` OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 1 DAY));

-- replace the staged keys
MERGE `marketing.attribution` t USING `marketing._stage_attribution` s ON t.order_id = s.order_id AND t.model = s.model AND t.touch_index = s.touch_index AND t.event_date BETWEEN @from_day AND @to_day WHEN MATCHED THEN UPDATE SET session_id = s.session_id, source = s.source, medium = s.medium, campaign = s.campaign, channel_group = s.channel_group, credit = s.credit, revenue_credit = s.revenue_credit, currency = s.currency, ordered_at = s.ordered_at, event_date = s.event_date, customer_key = s.customer_key WHEN NOT MATCHED THEN INSERT ROW;

-- replace a day
MERGE `marketing.attribution` t USING `marketing._stage_attribution` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = @day THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
