-- The shadow copies (migration.md, Modes): while a use case runs shadow, its streaming
-- function writes the same rows to <table>_shadow, and the nightly parity check compares
-- each closed day of the two. Same columns and types as the tables; no BI tool reads them.
CREATE TABLE marketing.events_shadow AS SELECT * FROM marketing.events LIMIT 0;
CREATE TABLE marketing.identity_links_shadow AS SELECT * FROM marketing.identity_links LIMIT 0;
CREATE TABLE marketing.orders_shadow AS SELECT * FROM marketing.orders LIMIT 0;
CREATE TABLE marketing.failed_events_shadow AS SELECT * FROM marketing.failed_events LIMIT 0;
CREATE TABLE marketing.sessions_shadow AS SELECT * FROM marketing.sessions LIMIT 0;
CREATE TABLE marketing.attribution_shadow AS SELECT * FROM marketing.attribution LIMIT 0;
CREATE TABLE marketing.revenue_daily_shadow AS SELECT * FROM marketing.revenue_daily LIMIT 0;
CREATE TABLE marketing.cart_abandonments_shadow AS SELECT * FROM marketing.cart_abandonments LIMIT 0;
