-- snowflake: cart_abandonments

-- load rows (a JDBC batch, sent as arrays)
INSERT INTO marketing.cart_abandonments (session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_cart_abandonments LIKE marketing.cart_abandonments;

-- replace the staged keys
DELETE FROM marketing.cart_abandonments t USING marketing._stage_cart_abandonments s WHERE t.session_id = s.session_id;
INSERT INTO marketing.cart_abandonments (session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items) SELECT session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items FROM marketing._stage_cart_abandonments;

-- delete the staged keys
DELETE FROM marketing.cart_abandonments WHERE session_id IN (SELECT k FROM marketing._stage_keys);

-- insert the staged rows whose key is not stored
INSERT INTO marketing.cart_abandonments (session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items) SELECT session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY session_id ORDER BY session_id) AS turnout_copy FROM marketing._stage_cart_abandonments) s WHERE turnout_copy = 1 AND NOT EXISTS (SELECT 1 FROM marketing.cart_abandonments t WHERE t.session_id = s.session_id);

-- replace a day
DELETE FROM marketing.cart_abandonments t WHERE t.event_date = ?;
INSERT INTO marketing.cart_abandonments (session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items) SELECT session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items FROM marketing._stage_cart_abandonments;

-- replace the staged session keys of a day
DELETE FROM marketing.cart_abandonments t WHERE t.event_date = ? AND t.session_id IN (SELECT k FROM marketing._stage_keys);
INSERT INTO marketing.cart_abandonments (session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items) SELECT session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items FROM marketing._stage_cart_abandonments;
