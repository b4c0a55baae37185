-- snowflake: orders

-- load rows (a JDBC batch, sent as arrays)
INSERT INTO marketing.orders (order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_orders LIKE marketing.orders;

-- replace the staged keys
DELETE FROM marketing.orders t USING marketing._stage_orders s WHERE t.order_id = s.order_id;
INSERT INTO marketing.orders (order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events) SELECT order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events FROM marketing._stage_orders;

-- delete the staged keys
DELETE FROM marketing.orders WHERE order_id IN (SELECT k FROM marketing._stage_keys);

-- insert the staged rows whose key is not stored
INSERT INTO marketing.orders (order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events) SELECT order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY order_id) AS turnout_copy FROM marketing._stage_orders) s WHERE turnout_copy = 1 AND NOT EXISTS (SELECT 1 FROM marketing.orders t WHERE t.order_id = s.order_id);

-- replace a day
DELETE FROM marketing.orders t WHERE t.event_date = ?;
INSERT INTO marketing.orders (order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events) SELECT order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events FROM marketing._stage_orders;
