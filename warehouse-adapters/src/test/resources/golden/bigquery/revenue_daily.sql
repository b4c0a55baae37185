-- bigquery: revenue_daily

-- a staging table
CREATE TEMP TABLE IF NOT EXISTS `marketing._stage_revenue_daily` (event_date DATE, channel_group STRING, source STRING, medium STRING, campaign STRING, sessions INT64, orders INT64, revenue NUMERIC(18,6), customers INT64, orders_other_currency INT64);

-- replace the staged keys
MERGE `marketing.revenue_daily` t USING `marketing._stage_revenue_daily` s ON t.event_date = s.event_date AND t.channel_group = s.channel_group AND (t.source = s.source OR (t.source IS NULL AND s.source IS NULL)) AND (t.medium = s.medium OR (t.medium IS NULL AND s.medium IS NULL)) AND (t.campaign = s.campaign OR (t.campaign IS NULL AND s.campaign IS NULL)) AND t.event_date >= DATE '1970-01-01' WHEN MATCHED THEN UPDATE SET sessions = s.sessions, orders = s.orders, revenue = s.revenue, customers = s.customers, orders_other_currency = s.orders_other_currency WHEN NOT MATCHED THEN INSERT ROW;

-- delete the staged keys
DELETE FROM `marketing.revenue_daily` t WHERE t.event_date IN (SELECT k FROM `marketing._stage_keys`) AND t.event_date >= DATE '1970-01-01';

-- insert the staged rows whose key is not stored
INSERT INTO `marketing.revenue_daily` (event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency) SELECT event_date, channel_group, source, medium, campaign, sessions, orders, revenue, customers, orders_other_currency FROM `marketing._stage_revenue_daily` s WHERE NOT EXISTS (SELECT 1 FROM `marketing.revenue_daily` t WHERE t.event_date = s.event_date AND t.channel_group = s.channel_group AND t.source = s.source AND t.medium = s.medium AND t.campaign = s.campaign) QUALIFY ROW_NUMBER() OVER (PARTITION BY event_date, channel_group, source, medium, campaign) = 1;

-- replace a day
MERGE `marketing.revenue_daily` t USING `marketing._stage_revenue_daily` s ON FALSE WHEN NOT MATCHED BY SOURCE AND t.event_date = ? THEN DELETE WHEN NOT MATCHED THEN INSERT ROW;
