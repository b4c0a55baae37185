-- snowflake: revenue_daily

-- load rows (a JDBC batch, sent as arrays)
INSERT INTO marketing.revenue_daily (event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_revenue_daily LIKE marketing.revenue_daily;

-- replace the staged keys
DELETE FROM marketing.revenue_daily t USING marketing._stage_revenue_daily s WHERE t.event_date = s.event_date AND t.channel_group = s.channel_group AND EQUAL_NULL(t.source, s.source) AND EQUAL_NULL(t.medium, s.medium) AND EQUAL_NULL(t.campaign, s.campaign);
INSERT INTO marketing.revenue_daily (event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency) SELECT event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency FROM marketing._stage_revenue_daily;

-- delete the staged keys
DELETE FROM marketing.revenue_daily WHERE event_date IN (SELECT k FROM marketing._stage_keys);

-- insert the staged rows whose key is not stored
INSERT INTO marketing.revenue_daily (event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency) SELECT event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY event_date, channel_group, source, medium, campaign ORDER BY event_date, channel_group, source, medium, campaign) AS turnout_copy FROM marketing._stage_revenue_daily) s WHERE turnout_copy = 1 AND NOT EXISTS (SELECT 1 FROM marketing.revenue_daily t WHERE t.event_date = s.event_date AND t.channel_group = s.channel_group AND t.source = s.source AND t.medium = s.medium AND t.campaign = s.campaign);

-- replace a day
DELETE FROM marketing.revenue_daily t WHERE t.event_date = ?;
INSERT INTO marketing.revenue_daily (event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency) SELECT event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency FROM marketing._stage_revenue_daily;
