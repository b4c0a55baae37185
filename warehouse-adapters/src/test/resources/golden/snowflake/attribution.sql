-- snowflake: attribution

-- the table
CREATE TABLE IF NOT EXISTS marketing.attribution (
    order_id VARCHAR NOT NULL COMMENT 'the order (orders.order_id)',
    model VARCHAR NOT NULL COMMENT 'one of the five names above',
    touch_index INTEGER NOT NULL COMMENT '1..n in touch order; 0 for the direct row',
    session_id VARCHAR COMMENT 'the touch',
    source VARCHAR COMMENT 'source of the touch',
    medium VARCHAR COMMENT 'medium of the touch',
    campaign VARCHAR COMMENT 'campaign of the touch',
    channel_group VARCHAR NOT NULL COMMENT 'channel group of the touch',
    credit FLOAT NOT NULL COMMENT 'sums to 1 per (order, model)',
    revenue_credit NUMBER(18,6) NOT NULL COMMENT 'revenue x credit, rounded half-even',
    currency VARCHAR(3) NOT NULL COMMENT 'the order\'s currency',
    ordered_at TIMESTAMP_NTZ NOT NULL COMMENT 'the order\'s ordered_at',
    event_date DATE NOT NULL COMMENT 'of the order',
    customer_key VARCHAR NOT NULL COMMENT 'the order\'s customer_key'
)
CLUSTER BY (event_date);

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_attribution LIKE marketing.attribution;

-- replace the staged keys
DELETE FROM marketing.attribution t USING marketing._stage_attribution s WHERE t.order_id = s.order_id AND t.model = s.model AND t.touch_index = s.touch_index;
INSERT INTO marketing.attribution (order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key) SELECT order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key FROM marketing._stage_attribution;

-- replace a day
DELETE FROM marketing.attribution t WHERE t.event_date = ?;
INSERT INTO marketing.attribution (order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key) SELECT order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key FROM marketing._stage_attribution;
