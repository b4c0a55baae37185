-- snowflake: orders

-- the table
CREATE TABLE IF NOT EXISTS marketing.orders (
    order_id VARCHAR NOT NULL COMMENT 'properties.order_id of the order_completed events (key)',
    event_id VARCHAR NOT NULL COMMENT 'the winning event',
    ordered_at TIMESTAMP_NTZ NOT NULL COMMENT 'its event_time',
    event_date DATE NOT NULL COMMENT 'UTC date of ordered_at',
    anonymous_id VARCHAR COMMENT 'of the winning event',
    user_id VARCHAR COMMENT 'of the winning event',
    customer_key VARCHAR COMMENT 'on event_date',
    session_id VARCHAR COMMENT 'the session that contains the winning event',
    revenue NUMBER(18,4) NOT NULL COMMENT 'revenue of the winning event',
    currency VARCHAR(3) NOT NULL COMMENT 'currency of the winning event',
    duplicate_events INTEGER NOT NULL COMMENT 'how many other accepted events carried this order_id'
)
CLUSTER BY (event_date);

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_orders LIKE marketing.orders;

-- replace the staged keys
DELETE FROM marketing.orders t USING marketing._stage_orders s WHERE t.order_id = s.order_id;
INSERT INTO marketing.orders (order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events) SELECT order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events FROM marketing._stage_orders;

-- replace a day
DELETE FROM marketing.orders t WHERE t.event_date = ?;
INSERT INTO marketing.orders (order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events) SELECT order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, session_id, revenue, currency, duplicate_events FROM marketing._stage_orders;
