-- snowflake: events

-- before loading rows
CREATE TEMPORARY TABLE IF NOT EXISTS turnout_load_events (event_id VARCHAR, event_type VARCHAR, event_name VARCHAR, event_kind VARCHAR, event_time TIMESTAMP_NTZ, event_date DATE, received_at TIMESTAMP_NTZ, anonymous_id VARCHAR, user_id VARCHAR, source_id VARCHAR, utm_source VARCHAR, utm_medium VARCHAR, utm_campaign VARCHAR, utm_term VARCHAR, utm_content VARCHAR, page_url VARCHAR, page_path VARCHAR, page_referrer VARCHAR, page_title VARCHAR, order_id VARCHAR, revenue NUMBER(18,4), currency VARCHAR(3), product_id VARCHAR, product_price NUMBER(18,4), product_quantity INTEGER, properties VARCHAR, context VARCHAR, traits VARCHAR, schema_version INTEGER);

-- before loading rows
DELETE FROM turnout_load_events;

-- load rows (a JDBC batch, sent as arrays)
INSERT INTO turnout_load_events (event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- after loading rows
INSERT INTO marketing.events (event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version) SELECT event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, PARSE_JSON(properties), PARSE_JSON(context), PARSE_JSON(traits), schema_version FROM turnout_load_events;

-- after loading rows
DELETE FROM turnout_load_events;

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_events LIKE marketing.events;

-- replace the staged keys
DELETE FROM marketing.events t USING marketing._stage_events s WHERE t.event_id = s.event_id;
INSERT INTO marketing.events (event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version) SELECT event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version FROM marketing._stage_events;

-- delete the staged keys
DELETE FROM marketing.events WHERE event_id IN (SELECT k FROM marketing._stage_keys);

-- insert the staged rows whose key is not stored
INSERT INTO marketing.events (event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version) SELECT event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY event_id) AS turnout_copy FROM marketing._stage_events) s WHERE turnout_copy = 1 AND NOT EXISTS (SELECT 1 FROM marketing.events t WHERE t.event_id = s.event_id);

-- replace a day
DELETE FROM marketing.events t WHERE t.event_date = ?;
INSERT INTO marketing.events (event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version) SELECT event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version FROM marketing._stage_events;
