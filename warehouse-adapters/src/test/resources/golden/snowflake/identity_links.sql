-- snowflake: identity_links

-- load rows (a JDBC batch, sent as arrays)
INSERT INTO marketing.identity_links (anonymous_id, user_id, event_time, event_id) VALUES (?, ?, ?, ?);

-- a staging table
CREATE TEMPORARY TABLE IF NOT EXISTS marketing._stage_identity_links LIKE marketing.identity_links;

-- replace the staged keys
DELETE FROM marketing.identity_links t USING marketing._stage_identity_links s WHERE t.event_id = s.event_id;
INSERT INTO marketing.identity_links (anonymous_id, user_id, event_time, event_id) SELECT anonymous_id, user_id, event_time, event_id FROM marketing._stage_identity_links;

-- delete the staged keys
DELETE FROM marketing.identity_links WHERE event_id IN (SELECT k FROM marketing._stage_keys);

-- insert the staged rows whose key is not stored
INSERT INTO marketing.identity_links (anonymous_id, user_id, event_time, event_id) SELECT anonymous_id, user_id, event_time, event_id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY event_id) AS turnout_copy FROM marketing._stage_identity_links) s WHERE turnout_copy = 1 AND NOT EXISTS (SELECT 1 FROM marketing.identity_links t WHERE t.event_id = s.event_id);

-- replace a day
DELETE FROM marketing.identity_links t WHERE TO_DATE(t.event_time) = ?;
INSERT INTO marketing.identity_links (anonymous_id, user_id, event_time, event_id) SELECT anonymous_id, user_id, event_time, event_id FROM marketing._stage_identity_links;
