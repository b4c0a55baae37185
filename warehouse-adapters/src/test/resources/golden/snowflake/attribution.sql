-- snowflake: attribution

-- load rows (a JDBC batch, sent as arrays)
INSERT INTO marketing.attribution (order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_attribution LIKE marketing.attribution;

-- replace the staged keys
DELETE FROM marketing.attribution t USING marketing._stage_attribution s WHERE t.order_id = s.order_id AND t.model = s.model AND t.touch_index = s.touch_index;
INSERT INTO marketing.attribution (order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key) SELECT order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key FROM marketing._stage_attribution;

-- delete the staged keys
DELETE FROM marketing.attribution WHERE order_id IN (SELECT k FROM marketing._stage_keys);

-- insert the staged rows whose key is not stored
INSERT INTO marketing.attribution (order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key) SELECT order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id, model, touch_index ORDER BY order_id, model, touch_index) AS turnout_copy FROM marketing._stage_attribution) s WHERE turnout_copy = 1 AND NOT EXISTS (SELECT 1 FROM marketing.attribution t WHERE t.order_id = s.order_id AND t.model = s.model AND t.touch_index = s.touch_index);

-- replace a day
DELETE FROM marketing.attribution t WHERE t.event_date = ?;
INSERT INTO marketing.attribution (order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key) SELECT order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key FROM marketing._stage_attribution;
