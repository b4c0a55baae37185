-- bigquery: events

-- a staging table
CREATE TEMP TABLE IF NOT EXISTS `marketing._stage_events` (event_id STRING, event_type STRING, event_name STRING, event_kind STRING, event_time TIMESTAMP, event_date DATE, received_at TIMESTAMP, anonymous_id STRING, user_id STRING, source_id STRING, utm_source STRING, utm_medium STRING, utm_campaign STRING, utm_term STRING, utm_content STRING, page_url STRING, page_path STRING, page_referrer STRING, page_title STRING, order_id STRING, revenue NUMERIC(18,4), currency STRING, product_id STRING, product_price NUMERIC(18,4), product_quantity INT64, properties JSON, context JSON, traits JSON, schema_version INT64);

-- replace the staged keys
MERGE `marketing.events` t USING `marketing._stage_events` s ON t.event_id = s.event_id AND t.event_date >= DATE '1970-01-01' WHEN MATCHED THEN UPDATE SET event_type = s.event_type, event_name = s.event_name, event_kind = s.event_kind, event_time = s.event_time, event_date = s.event_date, received_at = s.received_at, anonymous_id = s.anonymous_id, user_id = s.user_id, source_id = s.source_id, utm_source = s.utm_source, utm_medium = s.utm_medium, utm_campaign = s.utm_campaign, utm_term = s.utm_term, utm_content = s.utm_content, page_url = s.page_url, page_path = s.page_path, page_referrer = s.page_referrer, page_title = s.page_title, order_id = s.order_id, revenue = s.revenue, currency = s.currency, product_id = s.product_id, product_price = s.product_price, product_quantity = s.product_quantity, properties = s.properties, context = s.context, traits = s.traits, schema_version = s.schema_version WHEN NOT MATCHED THEN INSERT ROW;

-- delete the staged keys
DELETE FROM `marketing.events` t WHERE t.event_id IN (SELECT k FROM `marketing._stage_keys`) AND t.event_date >= DATE '1970-01-01';

-- insert the staged rows whose key is not stored
INSERT INTO `marketing.events` (event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version) SELECT event_id, event_type, event_name, event_kind, event_time, event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, product_id, product_price, product_quantity, properties, context, traits, schema_version FROM `marketing._stage_events` s WHERE NOT EXISTS (SELECT 1 FROM `marketing.events` t WHERE t.event_id = s.event_id) QUALIFY ROW_NUMBER() OVER (PARTITION BY event_id) = 1;

-- replace a day
MERGE `marketing.events` t USING `marketing._stage_events` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = ? THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
