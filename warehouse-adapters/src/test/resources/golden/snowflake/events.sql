-- snowflake: events

-- load rows (a JDBC batch)
INSERT INTO marketing.events (event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version) SELECT column1, column2, column3, column4, column5, column6, column7, column8, column9, column10, column11, column12, column13, column14, column15, column16, column17, column18, column19, column20, column21, column22, column23, column24, column25, PARSE_JSON(column26), PARSE_JSON(column27), PARSE_JSON(column28), column29 FROM VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

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
