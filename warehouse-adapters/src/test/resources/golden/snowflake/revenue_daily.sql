-- snowflake: revenue_daily

-- the table
CREATE TABLE IF NOT EXISTS marketing.revenue_daily (
    event_date DATE NOT NULL COMMENT 'the day (UTC) of the sessions and orders counted',
    channel_group VARCHAR NOT NULL COMMENT 'channel group of the sessions and orders counted (see sessions)',
    source VARCHAR COMMENT 'attribution source',
    medium VARCHAR COMMENT 'attribution medium',
    campaign VARCHAR COMMENT 'campaign; may be null (keys compare null-safe)',
    sessions BIGINT NOT NULL COMMENT 'sessions started that day with this source/medium/campaign',
    orders BIGINT NOT NULL COMMENT 'orders of that day in the reporting currency whose last_touch row points to this source/medium/campaign',
    revenue NUMBER(18,6) NOT NULL COMMENT 'sum of those orders\' last_touch revenue_credit',
    customers BIGINT NOT NULL COMMENT 'distinct customer_key among those orders',
    orders_other_currency BIGINT NOT NULL COMMENT 'orders of that day in another currency whose last_touch row points here'
)
CLUSTER BY (event_date);

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_revenue_daily LIKE marketing.revenue_daily;

-- replace the staged keys
DELETE FROM marketing.revenue_daily t USING marketing._stage_revenue_daily s WHERE t.event_date = s.event_date AND t.channel_group = s.channel_group AND EQUAL_NULL(t.source, s.source) AND EQUAL_NULL(t.medium, s.medium) AND EQUAL_NULL(t.campaign, s.campaign);
INSERT INTO marketing.revenue_daily (event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency) SELECT event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency FROM marketing._stage_revenue_daily;

-- replace a day
DELETE FROM marketing.revenue_daily t WHERE t.event_date = ?;
INSERT INTO marketing.revenue_daily (event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency) SELECT event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency FROM marketing._stage_revenue_daily;
