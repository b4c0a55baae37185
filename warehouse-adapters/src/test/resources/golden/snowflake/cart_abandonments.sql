-- snowflake: cart_abandonments

-- the table
CREATE TABLE IF NOT EXISTS marketing.cart_abandonments (
    session_id VARCHAR NOT NULL COMMENT 'the session (key)',
    customer_key VARCHAR NOT NULL COMMENT 'as on the session',
    anonymous_id VARCHAR COMMENT 'as on the session',
    user_id VARCHAR COMMENT 'as on the session',
    last_product_added_at TIMESTAMP_NTZ NOT NULL COMMENT 'event_time of the session\'s last product_added event',
    abandoned_at TIMESTAMP_NTZ NOT NULL COMMENT 'the session\'s ended_at + 30 minutes',
    event_date DATE NOT NULL COMMENT 'the session\'s',
    cart_value NUMBER(18,4) NOT NULL COMMENT 'sum of price x quantity of the product_added events after the session\'s last order_completed (all of them when there is none)',
    items INTEGER NOT NULL COMMENT 'sum of their quantities'
)
CLUSTER BY (event_date);

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_cart_abandonments LIKE marketing.cart_abandonments;

-- replace the staged keys
DELETE FROM marketing.cart_abandonments t USING marketing._stage_cart_abandonments s WHERE t.session_id = s.session_id;
INSERT INTO marketing.cart_abandonments (session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items) SELECT session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items FROM marketing._stage_cart_abandonments;

-- replace a day
DELETE FROM marketing.cart_abandonments t WHERE t.event_date = ?;
INSERT INTO marketing.cart_abandonments (session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items) SELECT session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items FROM marketing._stage_cart_abandonments;

-- replace the staged session keys of a day
DELETE FROM marketing.cart_abandonments t WHERE t.event_date = ? AND t.session_id IN (SELECT k FROM marketing._stage_keys);
INSERT INTO marketing.cart_abandonments (session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items) SELECT session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, event_date, cart_value, items FROM marketing._stage_cart_abandonments;
