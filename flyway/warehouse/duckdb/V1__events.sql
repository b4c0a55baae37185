-- The tables of the events use case (shared/spec/tables.md). Keys are kept unique by the
-- adapter's replace-by-key writes, as in Snowflake and BigQuery, which do not enforce keys
-- either; the comments name each table's key. JSON columns are VARCHAR holding the JSON
-- text (DuckDB's JSON type would re-parse every value on insert; json_extract reads either).
CREATE SCHEMA IF NOT EXISTS marketing;

-- key: event_id
CREATE TABLE marketing.events (
    event_id          VARCHAR NOT NULL,
    event_type        VARCHAR NOT NULL,
    event_name        VARCHAR,
    event_kind        VARCHAR NOT NULL,
    event_time        TIMESTAMP NOT NULL,
    event_date        DATE NOT NULL,
    received_at       TIMESTAMP NOT NULL,
    anonymous_id      VARCHAR,
    user_id           VARCHAR,
    source_id         VARCHAR,
    utm_source        VARCHAR,
    utm_medium        VARCHAR,
    utm_campaign      VARCHAR,
    utm_term          VARCHAR,
    utm_content       VARCHAR,
    page_url          VARCHAR,
    page_path         VARCHAR,
    page_referrer     VARCHAR,
    page_title        VARCHAR,
    order_id          VARCHAR,
    revenue           DECIMAL(18, 4),
    currency          VARCHAR(3),
    product_id        VARCHAR,
    product_price     DECIMAL(18, 4),
    product_quantity  INTEGER,
    properties        VARCHAR,  -- JSON text, as received
    context           VARCHAR,  -- JSON text, as received
    traits            VARCHAR,  -- JSON text, as received
    schema_version    INTEGER
);

-- key: event_id
CREATE TABLE marketing.identity_links (
    anonymous_id  VARCHAR NOT NULL,
    user_id       VARCHAR NOT NULL,
    event_time    TIMESTAMP NOT NULL,
    event_id      VARCHAR NOT NULL
);

-- key: order_id
CREATE TABLE marketing.orders (
    order_id          VARCHAR NOT NULL,
    event_id          VARCHAR NOT NULL,
    ordered_at        TIMESTAMP NOT NULL,
    event_date        DATE NOT NULL,
    anonymous_id      VARCHAR,
    user_id           VARCHAR,
    customer_key      VARCHAR,
    session_id        VARCHAR,
    revenue           DECIMAL(18, 4) NOT NULL,
    currency          VARCHAR(3) NOT NULL,
    duplicate_events  INTEGER NOT NULL
);

-- key: failure_id
CREATE TABLE marketing.failed_events (
    failure_id   VARCHAR NOT NULL,
    received_at  TIMESTAMP,
    source_id    VARCHAR,
    reason       VARCHAR NOT NULL,
    detail       VARCHAR NOT NULL,
    raw          VARCHAR NOT NULL,
    event_id     VARCHAR
);
