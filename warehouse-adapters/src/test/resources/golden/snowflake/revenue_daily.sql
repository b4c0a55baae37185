-- snowflake: revenue_daily

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_revenue_daily LIKE marketing.revenue_daily;

-- replace the staged keys
DELETE FROM marketing.revenue_daily t USING marketing._stage_revenue_daily s WHERE t.event_date = s.event_date AND t.channel_group = s.channel_group AND EQUAL_NULL(t.source, s.source) AND EQUAL_NULL(t.medium, s.medium) AND EQUAL_NULL(t.campaign, s.campaign);
INSERT INTO marketing.revenue_daily (event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency) SELECT event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency FROM marketing._stage_revenue_daily;

-- replace a day
DELETE FROM marketing.revenue_daily t WHERE t.event_date = ?;
INSERT INTO marketing.revenue_daily (event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency) SELECT event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency FROM marketing._stage_revenue_daily;
