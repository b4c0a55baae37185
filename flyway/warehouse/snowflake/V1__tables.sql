-- The tables of shared/spec/tables.md for snowflake, generated from warehouse-adapters/src/main/resources/schema/tables.tsv
-- by WarehouseMigrations (a test keeps this file and the generator equal).
CREATE SCHEMA IF NOT EXISTS ${schema};

CREATE TABLE IF NOT EXISTS ${schema}.events (
    event_id VARCHAR NOT NULL COMMENT 'Segment messageId',
    event_type VARCHAR NOT NULL COMMENT 'track, page, screen, identify, group, alias',
    event_name VARCHAR COMMENT 'track: event; page/screen: name (may be null); others null',
    event_kind VARCHAR NOT NULL COMMENT 'derived from the type and event name: page_view, click, product_added, order_completed, cart_abandoned, identify, other',
    event_time TIMESTAMP_NTZ NOT NULL COMMENT 'when the event happened (UTC): timestamp, else originalTimestamp, else receivedAt',
    event_date DATE NOT NULL COMMENT 'UTC date of event_time',
    received_at TIMESTAMP_NTZ NOT NULL COMMENT 'when the collector (or the lake file) says it arrived',
    anonymous_id VARCHAR COMMENT 'Segment anonymousId',
    user_id VARCHAR COMMENT 'Segment userId',
    source_id VARCHAR COMMENT 'the source (write key\'s name), never the key itself',
    utm_source VARCHAR COMMENT 'context.campaign.source',
    utm_medium VARCHAR COMMENT 'context.campaign.medium',
    utm_campaign VARCHAR COMMENT 'context.campaign.name',
    utm_term VARCHAR COMMENT 'context.campaign.term',
    utm_content VARCHAR COMMENT 'context.campaign.content',
    page_url VARCHAR COMMENT 'page events: properties.url, else context.page.url; other events: context.page.url',
    page_path VARCHAR COMMENT 'page events: properties.path, else context.page.path; other events: context.page.path',
    page_referrer VARCHAR COMMENT 'page events: properties.referrer, else context.page.referrer; other events: context.page.referrer',
    page_title VARCHAR COMMENT 'page events: properties.title, else context.page.title; other events: context.page.title',
    order_id VARCHAR COMMENT 'order_completed only',
    revenue NUMBER(18,4) COMMENT 'order_completed only',
    currency VARCHAR(3) COMMENT 'order_completed only, upper case, default USD',
    product_id VARCHAR COMMENT 'product_added only: properties.product_id',
    product_price NUMBER(18,4) COMMENT 'product_added only: properties.price',
    product_quantity INTEGER COMMENT 'product_added only: properties.quantity, default 1',
    properties VARIANT COMMENT 'the message\'s properties object as received',
    context VARIANT COMMENT 'the message\'s context object as received',
    traits VARIANT COMMENT 'the message\'s traits object as received',
    schema_version INTEGER COMMENT 'version of the event schema it was validated against'
)
CLUSTER BY (event_date);

CREATE TABLE IF NOT EXISTS ${schema}.identity_links (
    anonymous_id VARCHAR NOT NULL COMMENT 'the anonymous id of an accepted event that carries both ids',
    user_id VARCHAR NOT NULL COMMENT 'the user id it is linked to',
    event_time TIMESTAMP_NTZ NOT NULL COMMENT 'the event_time of that event',
    event_id VARCHAR NOT NULL COMMENT 'the event (key)'
)
CLUSTER BY (TO_DATE(event_time));

CREATE TABLE IF NOT EXISTS ${schema}.orders (
    order_id VARCHAR NOT NULL COMMENT 'properties.order_id of the order_completed events (key)',
    event_id VARCHAR NOT NULL COMMENT 'the winning event',
    ordered_at TIMESTAMP_NTZ NOT NULL COMMENT 'its event_time',
    event_date DATE NOT NULL COMMENT 'UTC date of ordered_at',
    anonymous_id VARCHAR COMMENT 'of the winning event',
    user_id VARCHAR COMMENT 'of the winning event',
    customer_key VARCHAR COMMENT 'on event_date',
    session_id VARCHAR COMMENT 'the session that contains the winning event',
    revenue NUMBER(18,4) NOT NULL COMMENT 'revenue of the winning event',
    currency VARCHAR(3) NOT NULL COMMENT 'currency of the winning event',
    duplicate_events INTEGER NOT NULL COMMENT 'how many other accepted events carried this order_id'
)
CLUSTER BY (event_date);

CREATE TABLE IF NOT EXISTS ${schema}.failed_events (
    failure_id VARCHAR NOT NULL COMMENT 'deterministic: md5 of the raw message text',
    received_at TIMESTAMP_NTZ COMMENT 'when the collector (or the lake file) says it arrived',
    source_id VARCHAR COMMENT 'the source (write key\'s name), when known',
    reason VARCHAR NOT NULL COMMENT 'a code from events.md',
    detail VARCHAR NOT NULL COMMENT 'a sentence a person can act on',
    raw VARCHAR NOT NULL COMMENT 'the message as received',
    event_id VARCHAR COMMENT 'the messageId if one could be read'
)
CLUSTER BY (TO_DATE(received_at));

CREATE TABLE IF NOT EXISTS ${schema}.sessions (
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

CREATE TABLE IF NOT EXISTS ${schema}.attribution (
    order_id VARCHAR NOT NULL COMMENT 'the order (orders.order_id)',
    model VARCHAR NOT NULL COMMENT 'one of the five names above',
    touch_index INTEGER NOT NULL COMMENT '1..n in touch order; 0 for the direct row',
    session_id VARCHAR COMMENT 'the touch',
    source VARCHAR COMMENT 'source of the touch',
    medium VARCHAR COMMENT 'medium of the touch',
    campaign VARCHAR COMMENT 'campaign of the touch',
    channel_group VARCHAR NOT NULL COMMENT 'channel group of the touch',
    credit FLOAT NOT NULL COMMENT 'sums to 1 per (order, model)',
    revenue_credit NUMBER(18,6) NOT NULL COMMENT 'revenue x credit, rounded half-even',
    currency VARCHAR(3) NOT NULL COMMENT 'the order\'s currency',
    ordered_at TIMESTAMP_NTZ NOT NULL COMMENT 'the order\'s ordered_at',
    event_date DATE NOT NULL COMMENT 'of the order',
    customer_key VARCHAR NOT NULL COMMENT 'the order\'s customer_key'
)
CLUSTER BY (event_date);

CREATE TABLE IF NOT EXISTS ${schema}.revenue_daily (
    event_date DATE NOT NULL COMMENT 'the day (UTC) of the sessions and orders counted',
    channel_group VARCHAR NOT NULL COMMENT 'channel group of the sessions and orders counted (see sessions)',
    source VARCHAR COMMENT 'attribution source',
    medium VARCHAR COMMENT 'attribution medium',
    campaign VARCHAR COMMENT 'campaign; may be null (keys compare null-safe)',
    sessions BIGINT NOT NULL COMMENT 'sessions started that day with this source/medium/campaign',
    orders BIGINT NOT NULL COMMENT 'orders of that day in the reporting currency whose last_touch row points to this source/medium/campaign',
    revenue NUMBER(18,6) NOT NULL COMMENT 'sum of those orders\' last_touch revenue_credit',
    customers BIGINT NOT NULL COMMENT 'distinct customer_key among those orders',
    orders_other_currency BIGINT NOT NULL COMMENT 'orders of that day in another currency whose last_touch row points here'
)
CLUSTER BY (event_date);

CREATE TABLE IF NOT EXISTS ${schema}.cart_abandonments (
    session_id VARCHAR NOT NULL COMMENT 'the session (key)',
    customer_key VARCHAR NOT NULL COMMENT 'as on the session',
    anonymous_id VARCHAR COMMENT 'as on the session',
    user_id VARCHAR COMMENT 'as on the session',
    last_product_added_at TIMESTAMP_NTZ NOT NULL COMMENT 'event_time of the session\'s last product_added event',
    abandoned_at TIMESTAMP_NTZ NOT NULL COMMENT 'the session\'s ended_at + 30 minutes',
    event_date DATE NOT NULL COMMENT 'the session\'s',
    cart_value NUMBER(18,4) NOT NULL COMMENT 'sum of price x quantity of the product_added events after the session\'s last order_completed (all of them when there is none)',
    items INTEGER NOT NULL COMMENT 'sum of their quantities'
)
CLUSTER BY (event_date);

-- The shadow copies the streaming side writes while a use case runs shadow.
CREATE TABLE IF NOT EXISTS ${schema}.events_shadow LIKE ${schema}.events;
CREATE TABLE IF NOT EXISTS ${schema}.identity_links_shadow LIKE ${schema}.identity_links;
CREATE TABLE IF NOT EXISTS ${schema}.orders_shadow LIKE ${schema}.orders;
CREATE TABLE IF NOT EXISTS ${schema}.failed_events_shadow LIKE ${schema}.failed_events;
CREATE TABLE IF NOT EXISTS ${schema}.sessions_shadow LIKE ${schema}.sessions;
CREATE TABLE IF NOT EXISTS ${schema}.attribution_shadow LIKE ${schema}.attribution;
CREATE TABLE IF NOT EXISTS ${schema}.revenue_daily_shadow LIKE ${schema}.revenue_daily;
CREATE TABLE IF NOT EXISTS ${schema}.cart_abandonments_shadow LIKE ${schema}.cart_abandonments;
