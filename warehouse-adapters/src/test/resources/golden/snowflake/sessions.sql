-- snowflake: sessions

-- the table
CREATE TABLE IF NOT EXISTS marketing.sessions (
    session_id VARCHAR NOT NULL COMMENT 'md5(session_key || \'|\' || first event_id) (key)',
    session_key VARCHAR NOT NULL COMMENT 'anonymous_id, else \'user:\' || user_id',
    anonymous_id VARCHAR COMMENT 'the session\'s anonymous id (null for a session keyed by user id)',
    user_id VARCHAR COMMENT 'the last non-null user_id among the session\'s events, else null',
    customer_key VARCHAR NOT NULL COMMENT 'user_id if set, else customer key of the anonymous id on event_date',
    event_date DATE NOT NULL COMMENT 'date of started_at',
    started_at TIMESTAMP_NTZ NOT NULL COMMENT 'first event_time of the session',
    ended_at TIMESTAMP_NTZ NOT NULL COMMENT 'last event_time of the session',
    duration_seconds BIGINT NOT NULL COMMENT 'whole seconds between them, truncated',
    events INTEGER NOT NULL COMMENT 'activity events of the session',
    page_views INTEGER NOT NULL COMMENT 'page_view events of the session',
    clicks INTEGER NOT NULL COMMENT 'click events of the session',
    products_added INTEGER NOT NULL COMMENT 'product_added events of the session',
    orders INTEGER NOT NULL COMMENT 'orders (from the orders table) whose winning event is in this session',
    revenue NUMBER(18,4) NOT NULL COMMENT 'sum of those orders\' revenue (0 when none)',
    landing_url VARCHAR COMMENT 'page_url of the first page_view, else null',
    referrer VARCHAR COMMENT 'page_referrer of the first event',
    source VARCHAR COMMENT 'attribution source: utm_source of the first event, else the referrer host when it differs from the landing host, else (direct)',
    medium VARCHAR COMMENT 'attribution medium: utm_medium of the first event, else organic (search engine) or referral, else (none)',
    campaign VARCHAR COMMENT 'attribution campaign: utm_campaign of the first event, else null',
    channel_group VARCHAR NOT NULL COMMENT 'Paid Search, Display, Email, Social, Affiliates, Organic Search, Referral, Direct or Other, from medium and source',
    cart_abandoned BOOLEAN NOT NULL COMMENT 'a product_added event exists after which no order_completed occurs in the session'
)
CLUSTER BY (event_date);

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_sessions LIKE marketing.sessions;

-- replace the staged keys
DELETE FROM marketing.sessions t USING marketing._stage_sessions s WHERE t.session_id = s.session_id;
INSERT INTO marketing.sessions (session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned) SELECT session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned FROM marketing._stage_sessions;

-- replace a day
DELETE FROM marketing.sessions t WHERE t.event_date = ?;
INSERT INTO marketing.sessions (session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned) SELECT session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned FROM marketing._stage_sessions;

-- replace the staged session keys of a day
DELETE FROM marketing.sessions t WHERE t.event_date = ? AND t.session_key IN (SELECT k FROM marketing._stage_keys);
INSERT INTO marketing.sessions (session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned) SELECT session_id, session_key, anonymous_id, user_id, customer_key, event_date, started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned FROM marketing._stage_sessions;
