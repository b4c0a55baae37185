-- The abandoned carts whose trigger message was published (tables.md, cart_abandonments;
-- issue #4): a replay or a restatement never publishes a cart twice.
CREATE TABLE turnout_cart_trigger (
    session_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    published_at  TIMESTAMP    NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0
);
