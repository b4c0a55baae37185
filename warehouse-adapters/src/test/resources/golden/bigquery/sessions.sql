-- bigquery: sessions

-- a staging table
CREATE TEMP TABLE IF NOT EXISTS `marketing._stage_sessions` (session_id STRING, session_key STRING, anonymous_id STRING, user_id STRING, customer_key STRING, event_date DATE, started_at TIMESTAMP, ended_at TIMESTAMP, duration_seconds INT64, events INT64, page_views INT64, clicks INT64, products_added INT64, orders INT64, revenue NUMERIC(18,4), landing_url STRING, referrer STRING, source STRING, medium STRING, campaign STRING, channel_group STRING, cart_abandoned BOOL);

-- replace the staged keys
MERGE `marketing.sessions` t USING `marketing._stage_sessions` s ON t.session_id = s.session_id AND t.event_date >= DATE '1970-01-01' WHEN MATCHED THEN UPDATE SET session_key = s.session_key, anonymous_id = s.anonymous_id, user_id = s.user_id, customer_key = s.customer_key, event_date = s.event_date, started_at = s.started_at, ended_at = s.ended_at, duration_seconds = s.duration_seconds, events = s.events, page_views = s.page_views, clicks = s.clicks, products_added = s.products_added, orders = s.orders, revenue = s.revenue, landing_url = s.landing_url, referrer = s.referrer, source = s.source, medium = s.medium, campaign = s.campaign, channel_group = s.channel_group, cart_abandoned = s.cart_abandoned WHEN NOT MATCHED THEN INSERT ROW;

-- delete the staged keys
DELETE FROM `marketing.sessions` t WHERE t.session_id IN (SELECT k FROM `marketing._stage_keys`) AND t.event_date >= DATE '1970-01-01';

-- insert the staged rows whose key is not stored
INSERT INTO `marketing.sessions` (session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned) SELECT session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned FROM `marketing._stage_sessions` s WHERE NOT EXISTS (SELECT 1 FROM `marketing.sessions` t WHERE t.session_id = s.session_id) QUALIFY ROW_NUMBER() OVER (PARTITION BY session_id) = 1;

-- replace a day
MERGE `marketing.sessions` t USING `marketing._stage_sessions` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = ? THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;

-- replace the staged session keys of a day
MERGE `marketing.sessions` t USING `marketing._stage_sessions` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = ? AND t.session_key IN (SELECT k FROM `marketing._stage_keys`) THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
