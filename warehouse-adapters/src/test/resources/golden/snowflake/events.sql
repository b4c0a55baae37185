-- snowflake: events

-- the table
CREATE TABLE IF NOT EXISTS marketing.events (
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

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_events LIKE marketing.events;

-- replace the staged keys
DELETE FROM marketing.events t USING marketing._stage_events s WHERE t.event_id = s.event_id;
INSERT INTO marketing.events (event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version) SELECT event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version FROM marketing._stage_events;

-- replace a day
DELETE FROM marketing.events t WHERE t.event_date = ?;
INSERT INTO marketing.events (event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version) SELECT event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version FROM marketing._stage_events;
