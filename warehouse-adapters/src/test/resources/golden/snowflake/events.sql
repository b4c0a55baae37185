-- snowflake: events

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_events LIKE marketing.events;

-- replace the staged keys
DELETE FROM marketing.events t USING marketing._stage_events s WHERE t.event_id = s.event_id;
INSERT INTO marketing.events (event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version) SELECT event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version FROM marketing._stage_events;

-- replace a day
DELETE FROM marketing.events t WHERE t.event_date = ?;
INSERT INTO marketing.events (event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version) SELECT event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version FROM marketing._stage_events;
