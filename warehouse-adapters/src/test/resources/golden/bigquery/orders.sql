-- bigquery: orders

-- the table
CREATE TABLE IF NOT EXISTS `marketing.orders` (
  order_id STRING NOT NULL OPTIONS(description="properties.order_id of the order_completed events (key)"),
  event_id STRING NOT NULL OPTIONS(description="the winning event"),
  ordered_at TIMESTAMP NOT NULL OPTIONS(description="its event_time"),
  event_date DATE NOT NULL OPTIONS(description="UTC date of ordered_at"),
  anonymous_id STRING OPTIONS(description="of the winning event"),
  user_id STRING OPTIONS(description="of the winning event"),
  customer_key STRING OPTIONS(description="on event_date"),
  session_id STRING OPTIONS(description="the session that contains the winning event"),
  revenue NUMERIC(18,4) NOT NULL OPTIONS(description="revenue of the winning event"),
  currency STRING NOT NULL OPTIONS(description="currency of the winning event"),
  duplicate_events INT64 NOT NULL OPTIONS(description="how many other accepted events carried this order_id")
)
PARTITION BY event_date
CLUSTER BY order_id;

-- a staging table
CREATE TABLE IF NOT EXISTS `marketing._stage_orders` LIKE `marketing.orders` OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 1 DAY));

-- replace the staged keys
MERGE `marketing.orders` t USING `marketing._stage_orders` s ON t.order_id = s.order_id AND t.event_date BETWEEN @from_day AND @to_day WHEN MATCHED THEN UPDATE SET event_id = s.event_id, ordered_at = s.ordered_at, event_date = s.event_date, anonymous_id = s.anonymous_id, user_id = s.user_id, customer_key = s.customer_key, session_id = s.session_id, revenue = s.revenue, currency = s.currency, duplicate_events = s.duplicate_events WHEN NOT MATCHED THEN INSERT ROW;

-- replace a day
MERGE `marketing.orders` t USING `marketing._stage_orders` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = @day THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
