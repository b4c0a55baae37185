-- snowflake: sessions

-- load rows (a JDBC batch, sent as arrays)
INSERT INTO marketing.sessions (session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_sessions LIKE marketing.sessions;

-- replace the staged keys
DELETE FROM marketing.sessions t USING marketing._stage_sessions s WHERE t.session_id = s.session_id;
INSERT INTO marketing.sessions (session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned) SELECT session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned FROM marketing._stage_sessions;

-- delete the staged keys
DELETE FROM marketing.sessions WHERE session_id IN (SELECT k FROM marketing._stage_keys);

-- insert the staged rows whose key is not stored
INSERT INTO marketing.sessions (session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned) SELECT session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY session_id ORDER BY session_id) AS turnout_copy FROM marketing._stage_sessions) s WHERE turnout_copy = 1 AND NOT EXISTS (SELECT 1 FROM marketing.sessions t WHERE t.session_id = s.session_id);

-- replace a day
DELETE FROM marketing.sessions t WHERE t.event_date = ?;
INSERT INTO marketing.sessions (session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned) SELECT session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned FROM marketing._stage_sessions;

-- replace the staged session keys of a day
DELETE FROM marketing.sessions t WHERE t.event_date = ? AND t.session_key IN (SELECT k FROM marketing._stage_keys);
INSERT INTO marketing.sessions (session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned) SELECT session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned FROM marketing._stage_sessions;
