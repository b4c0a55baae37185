-- The platform's own state: run-time mode overrides of the use cases (migration.md, Modes).
CREATE TABLE turnout_mode_override (
    use_case    VARCHAR(40)  NOT NULL PRIMARY KEY,
    mode        VARCHAR(20)  NOT NULL,
    set_by      VARCHAR(200) NOT NULL,
    set_at      TIMESTAMP    NOT NULL,
    reason      VARCHAR(2000),
    version     BIGINT       NOT NULL DEFAULT 0
);
