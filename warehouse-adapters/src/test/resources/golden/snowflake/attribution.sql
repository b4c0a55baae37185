-- snowflake: attribution

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_attribution LIKE marketing.attribution;

-- replace the staged keys
DELETE FROM marketing.attribution t USING marketing._stage_attribution s WHERE t.order_id = s.order_id AND t.model = s.model AND t.touch_index = s.touch_index;
INSERT INTO marketing.attribution (order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key) SELECT order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key FROM marketing._stage_attribution;

-- replace a day
DELETE FROM marketing.attribution t WHERE t.event_date = ?;
INSERT INTO marketing.attribution (order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key) SELECT order_id, model, touch_index, session_id, source, medium, campaign, channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key FROM marketing._stage_attribution;
