-- snowflake: orders

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_orders LIKE marketing.orders;

-- replace the staged keys
DELETE FROM marketing.orders t USING marketing._stage_orders s WHERE t.order_id = s.order_id;
INSERT INTO marketing.orders (order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events) SELECT order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events FROM marketing._stage_orders;

-- replace a day
DELETE FROM marketing.orders t WHERE t.event_date = ?;
INSERT INTO marketing.orders (order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events) SELECT order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events FROM marketing._stage_orders;
