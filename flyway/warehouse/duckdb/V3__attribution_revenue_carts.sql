-- The attribution, revenue-daily and cart-abandonment use cases (shared/spec/tables.md).

-- key: (order_id, model, touch_index); replaced by the orders' event_date slice
CREATE TABLE marketing.attribution (
    order_id        VARCHAR NOT NULL,
    model           VARCHAR NOT NULL,
    touch_index     INTEGER NOT NULL,
    session_id      VARCHAR,
    source          VARCHAR,
    medium          VARCHAR,
    campaign        VARCHAR,
    channel_group   VARCHAR NOT NULL,
    credit          DOUBLE NOT NULL,
    revenue_credit  DECIMAL(18, 6) NOT NULL,
    currency        VARCHAR(3) NOT NULL,
    ordered_at      TIMESTAMP NOT NULL,
    event_date      DATE NOT NULL,
    customer_key    VARCHAR NOT NULL
);

-- key: (event_date, channel_group, source, medium, campaign), campaign compared null-safe
CREATE TABLE marketing.revenue_daily (
    event_date             DATE NOT NULL,
    channel_group          VARCHAR NOT NULL,
    source                 VARCHAR,
    medium                 VARCHAR,
    campaign               VARCHAR,
    sessions               BIGINT NOT NULL,
    orders                 BIGINT NOT NULL,
    revenue                DECIMAL(18, 6) NOT NULL,
    customers              BIGINT NOT NULL,
    orders_other_currency  BIGINT NOT NULL
);

-- key: session_id; replaced by event_date slice
CREATE TABLE marketing.cart_abandonments (
    session_id             VARCHAR NOT NULL,
    customer_key           VARCHAR NOT NULL,
    anonymous_id           VARCHAR,
    user_id                VARCHAR,
    last_product_added_at  TIMESTAMP NOT NULL,
    abandoned_at           TIMESTAMP NOT NULL,
    event_date             DATE NOT NULL,
    cart_value             DECIMAL(18, 4) NOT NULL,
    items                  INTEGER NOT NULL
);
