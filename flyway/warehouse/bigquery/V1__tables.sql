-- The tables of shared/spec/tables.md for bigquery, generated from warehouse-adapters/src/main/resources/schema/tables.tsv
-- by WarehouseMigrations (a test keeps this file and the generator equal).
CREATE SCHEMA IF NOT EXISTS ${schema};

CREATE TABLE IF NOT EXISTS `${schema}.events` (
  event_id STRING NOT NULL OPTIONS(description="Segment messageId"),
  event_type STRING NOT NULL OPTIONS(description="track, page, screen, identify, group, alias"),
  event_name STRING OPTIONS(description="track: event; page/screen: name (may be null); others null"),
  event_kind STRING NOT NULL OPTIONS(description="derived from the type and event name: page_view, click, product_added, order_completed, cart_abandoned, identify, other"),
  event_time TIMESTAMP NOT NULL OPTIONS(description="when the event happened (UTC): timestamp, else originalTimestamp, else receivedAt"),
  event_date DATE NOT NULL OPTIONS(description="UTC date of event_time"),
  received_at TIMESTAMP NOT NULL OPTIONS(description="when the collector (or the lake file) says it arrived"),
  anonymous_id STRING OPTIONS(description="Segment anonymousId"),
  user_id STRING OPTIONS(description="Segment userId"),
  source_id STRING OPTIONS(description="the source (write key's name), never the key itself"),
  utm_source STRING OPTIONS(description="context.campaign.source"),
  utm_medium STRING OPTIONS(description="context.campaign.medium"),
  utm_campaign STRING OPTIONS(description="context.campaign.name"),
  utm_term STRING OPTIONS(description="context.campaign.term"),
  utm_content STRING OPTIONS(description="context.campaign.content"),
  page_url STRING OPTIONS(description="page events: properties.url, else context.page.url; other events: context.page.url"),
  page_path STRING OPTIONS(description="page events: properties.path, else context.page.path; other events: context.page.path"),
  page_referrer STRING OPTIONS(description="page events: properties.referrer, else context.page.referrer; other events: context.page.referrer"),
  page_title STRING OPTIONS(description="page events: properties.title, else context.page.title; other events: context.page.title"),
  order_id STRING OPTIONS(description="order_completed only"),
  revenue NUMERIC(18,4) OPTIONS(description="order_completed only"),
  currency STRING OPTIONS(description="order_completed only, upper case, default USD"),
  product_id STRING OPTIONS(description="product_added only: properties.product_id"),
  product_price NUMERIC(18,4) OPTIONS(description="product_added only: properties.price"),
  product_quantity INT64 OPTIONS(description="product_added only: properties.quantity, default 1"),
  properties JSON OPTIONS(description="the message's properties object as received"),
  context JSON OPTIONS(description="the message's context object as received"),
  traits JSON OPTIONS(description="the message's traits object as received"),
  schema_version INT64 OPTIONS(description="version of the event schema it was validated against")
)
PARTITION BY event_date
CLUSTER BY event_id
OPTIONS(require_partition_filter = TRUE);

CREATE TABLE IF NOT EXISTS `${schema}.identity_links` (
  anonymous_id STRING NOT NULL OPTIONS(description="the anonymous id of an accepted event that carries both ids"),
  user_id STRING NOT NULL OPTIONS(description="the user id it is linked to"),
  event_time TIMESTAMP NOT NULL OPTIONS(description="the event_time of that event"),
  event_id STRING NOT NULL OPTIONS(description="the event (key)")
)
PARTITION BY DATE(event_time)
CLUSTER BY event_id
OPTIONS(require_partition_filter = TRUE);

CREATE TABLE IF NOT EXISTS `${schema}.orders` (
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

CREATE TABLE IF NOT EXISTS `${schema}.failed_events` (
  failure_id STRING NOT NULL OPTIONS(description="deterministic: md5 of the raw message text"),
  received_at TIMESTAMP OPTIONS(description="when the collector (or the lake file) says it arrived"),
  source_id STRING OPTIONS(description="the source (write key's name), when known"),
  reason STRING NOT NULL OPTIONS(description="a code from events.md"),
  detail STRING NOT NULL OPTIONS(description="a sentence a person can act on"),
  raw STRING NOT NULL OPTIONS(description="the message as received"),
  event_id STRING OPTIONS(description="the messageId if one could be read")
)
PARTITION BY DATE(received_at)
CLUSTER BY failure_id;

CREATE TABLE IF NOT EXISTS `${schema}.sessions` (
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

CREATE TABLE IF NOT EXISTS `${schema}.attribution` (
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

CREATE TABLE IF NOT EXISTS `${schema}.revenue_daily` (
  event_date DATE NOT NULL OPTIONS(description="the day (UTC) of the sessions and orders counted"),
  channel_group STRING NOT NULL OPTIONS(description="channel group of the sessions and orders counted (see sessions)"),
  source STRING OPTIONS(description="attribution source"),
  medium STRING OPTIONS(description="attribution medium"),
  campaign STRING OPTIONS(description="campaign; may be null (keys compare null-safe)"),
  sessions INT64 NOT NULL OPTIONS(description="sessions started that day with this source/medium/campaign"),
  orders INT64 NOT NULL OPTIONS(description="orders of that day in the reporting currency whose last_touch row points to this source/medium/campaign"),
  revenue NUMERIC(18,6) NOT NULL OPTIONS(description="sum of those orders' last_touch revenue_credit"),
  customers INT64 NOT NULL OPTIONS(description="distinct customer_key among those orders"),
  orders_other_currency INT64 NOT NULL OPTIONS(description="orders of that day in another currency whose last_touch row points here")
)
PARTITION BY event_date
CLUSTER BY channel_group, source, medium, campaign;

CREATE TABLE IF NOT EXISTS `${schema}.cart_abandonments` (
  session_id STRING NOT NULL OPTIONS(description="the session (key)"),
  customer_key STRING NOT NULL OPTIONS(description="as on the session"),
  anonymous_id STRING OPTIONS(description="as on the session"),
  user_id STRING OPTIONS(description="as on the session"),
  last_product_added_at TIMESTAMP NOT NULL OPTIONS(description="event_time of the session's last product_added event"),
  abandoned_at TIMESTAMP NOT NULL OPTIONS(description="the session's ended_at + 30 minutes"),
  event_date DATE NOT NULL OPTIONS(description="the session's"),
  cart_value NUMERIC(18,4) NOT NULL OPTIONS(description="sum of price x quantity of the product_added events after the session's last order_completed (all of them when there is none)"),
  items INT64 NOT NULL OPTIONS(description="sum of their quantities")
)
PARTITION BY event_date
CLUSTER BY session_id;

-- The shadow copies the streaming side writes while a use case runs shadow.
CREATE TABLE IF NOT EXISTS `${schema}.events_shadow` LIKE `${schema}.events`;
CREATE TABLE IF NOT EXISTS `${schema}.identity_links_shadow` LIKE `${schema}.identity_links`;
CREATE TABLE IF NOT EXISTS `${schema}.orders_shadow` LIKE `${schema}.orders`;
CREATE TABLE IF NOT EXISTS `${schema}.failed_events_shadow` LIKE `${schema}.failed_events`;
CREATE TABLE IF NOT EXISTS `${schema}.sessions_shadow` LIKE `${schema}.sessions`;
CREATE TABLE IF NOT EXISTS `${schema}.attribution_shadow` LIKE `${schema}.attribution`;
CREATE TABLE IF NOT EXISTS `${schema}.revenue_daily_shadow` LIKE `${schema}.revenue_daily`;
CREATE TABLE IF NOT EXISTS `${schema}.cart_abandonments_shadow` LIKE `${schema}.cart_abandonments`;
