-- bigquery: sessions

-- the table
CREATE TABLE IF NOT EXISTS `marketing.sessions` (
  session_id STRING NOT NULL OPTIONS(description="md5(session_key || '|' || first event_id) (key)"),
  session_key STRING NOT NULL OPTIONS(description="anonymous_id, else 'user:' || user_id"),
  anonymous_id STRING OPTIONS(description="the session's anonymous id (null for a session keyed by user id)"),
  user_id STRING OPTIONS(description="the last non-null user_id among the session's events, else null"),
  customer_key STRING NOT NULL OPTIONS(description="user_id if set, else customer key of the anonymous id on event_date"),
  event_date DATE NOT NULL OPTIONS(description="date of started_at"),
  started_at TIMESTAMP NOT NULL OPTIONS(description="first event_time of the session"),
  ended_at TIMESTAMP NOT NULL OPTIONS(description="last event_time of the session"),
  duration_seconds INT64 NOT NULL OPTIONS(description="whole seconds between them, truncated"),
  events INT64 NOT NULL OPTIONS(description="activity events of the session"),
  page_views INT64 NOT NULL OPTIONS(description="page_view events of the session"),
  clicks INT64 NOT NULL OPTIONS(description="click events of the session"),
  products_added INT64 NOT NULL OPTIONS(description="product_added events of the session"),
  orders INT64 NOT NULL OPTIONS(description="orders (from the orders table) whose winning event is in this session"),
  revenue NUMERIC(18,4) NOT NULL OPTIONS(description="sum of those orders' revenue (0 when none)"),
  landing_url STRING OPTIONS(description="page_url of the first page_view, else null"),
  referrer STRING OPTIONS(description="page_referrer of the first event"),
  source STRING OPTIONS(description="attribution source: utm_source of the first event, else the referrer host when it differs from the landing host, else (direct)"),
  medium STRING OPTIONS(description="attribution medium: utm_medium of the first event, else organic (search engine) or referral, else (none)"),
  campaign STRING OPTIONS(description="attribution campaign: utm_campaign of the first event, else null"),
  channel_group STRING NOT NULL OPTIONS(description="Paid Search, Display, Email, Social, Affiliates, Organic Search, Referral, Direct or Other, from medium and source"),
  cart_abandoned BOOL NOT NULL OPTIONS(description="a product_added event exists after which no order_completed occurs in the session")
)
PARTITION BY event_date
CLUSTER BY session_id
OPTIONS(require_partition_filter = TRUE);

-- a staging table
CREATE TABLE IF NOT EXISTS `marketing._stage_sessions` LIKE `marketing.sessions` OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 1 DAY));

-- replace the staged keys
MERGE `marketing.sessions` t USING `marketing._stage_sessions` s ON t.session_id = s.session_id AND t.event_date BETWEEN @from_day AND @to_day WHEN MATCHED THEN UPDATE SET session_key = s.session_key, anonymous_id = s.anonymous_id, user_id = s.user_id, customer_key = s.customer_key, event_date = s.event_date, started_at = s.started_at, ended_at = s.ended_at, duration_seconds = s.duration_seconds, events = s.events, page_views = s.page_views, clicks = s.clicks, products_added = s.products_added, orders = s.orders, revenue = s.revenue, landing_url = s.landing_url, referrer = s.referrer, source = s.source, medium = s.medium, campaign = s.campaign, channel_group = s.channel_group, cart_abandoned = s.cart_abandoned WHEN NOT MATCHED THEN INSERT ROW;

-- replace a day
MERGE `marketing.sessions` t USING `marketing._stage_sessions` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = @day THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;

-- replace the staged session keys of a day
MERGE `marketing.sessions` t USING `marketing._stage_sessions` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = @day AND t.session_key IN (SELECT k FROM `marketing._stage_keys`) THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
