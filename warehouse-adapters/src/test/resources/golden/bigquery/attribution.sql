-- bigquery: attribution

-- the table
CREATE TABLE IF NOT EXISTS `marketing.attribution` (
  order_id STRING NOT NULL OPTIONS(description="the order (orders.order_id)"),
  model STRING NOT NULL OPTIONS(description="one of the five names above"),
  touch_index INT64 NOT NULL OPTIONS(description="1..n in touch order; 0 for the direct row"),
  session_id STRING OPTIONS(description="the touch"),
  source STRING OPTIONS(description="source of the touch"),
  medium STRING OPTIONS(description="medium of the touch"),
  campaign STRING OPTIONS(description="campaign of the touch"),
  channel_group STRING NOT NULL OPTIONS(description="channel group of the touch"),
  credit FLOAT64 NOT NULL OPTIONS(description="sums to 1 per (order, model)"),
  revenue_credit NUMERIC(18,6) NOT NULL OPTIONS(description="revenue x credit, rounded half-even"),
  currency STRING NOT NULL OPTIONS(description="the order's currency"),
  ordered_at TIMESTAMP NOT NULL OPTIONS(description="the order's ordered_at"),
  event_date DATE NOT NULL OPTIONS(description="of the order"),
  customer_key STRING NOT NULL OPTIONS(description="the order's customer_key")
)
PARTITION BY event_date
CLUSTER BY order_id, model, touch_index;

-- a staging table
CREATE TABLE IF NOT EXISTS `marketing._stage_attribution` LIKE `marketing.attribution` OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 1 DAY));

-- replace the staged keys
MERGE `marketing.attribution` t USING `marketing._stage_attribution` s ON t.order_id = s.order_id AND t.model = s.model AND t.touch_index = s.touch_index AND t.event_date BETWEEN @from_day AND @to_day WHEN MATCHED THEN UPDATE SET session_id = s.session_id, source = s.source, medium = s.medium, campaign = s.campaign, channel_group = s.channel_group, credit = s.credit, revenue_credit = s.revenue_credit, currency = s.currency, ordered_at = s.ordered_at, event_date = s.event_date, customer_key = s.customer_key WHEN NOT MATCHED THEN INSERT ROW;

-- replace a day
MERGE `marketing.attribution` t USING `marketing._stage_attribution` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = @day THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
