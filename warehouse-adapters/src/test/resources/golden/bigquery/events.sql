-- bigquery: events

-- the table
CREATE TABLE IF NOT EXISTS `marketing.events` (
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

-- a staging table
CREATE TABLE IF NOT EXISTS `marketing._stage_events` LIKE `marketing.events` OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 1 DAY));

-- replace the staged keys
MERGE `marketing.events` t USING `marketing._stage_events` s ON t.event_id = s.event_id AND t.event_date BETWEEN @from_day AND @to_day WHEN MATCHED THEN UPDATE SET event_type = s.event_type, event_name = s.event_name, event_kind = s.event_kind, event_time = s.event_time, event_date = s.event_date, received_at = s.received_at, anonymous_id = s.anonymous_id, user_id = s.user_id, source_id = s.source_id, utm_source = s.utm_source, utm_medium = s.utm_medium, utm_campaign = s.utm_campaign, utm_term = s.utm_term, utm_content = s.utm_content, page_url = s.page_url, page_path = s.page_path, page_referrer = s.page_referrer, page_title = s.page_title, order_id = s.order_id, revenue = s.revenue, currency = s.currency, product_id = s.product_id, product_price = s.product_price, product_quantity = s.product_quantity, properties = s.properties, context = s.context, traits = s.traits, schema_version = s.schema_version WHEN NOT MATCHED THEN INSERT ROW;

-- replace a day
MERGE `marketing.events` t USING `marketing._stage_events` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = @day THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
