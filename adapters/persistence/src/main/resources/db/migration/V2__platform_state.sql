-- Values adapters keep across restarts (the Matrix sync token), by platform and key.
CREATE TABLE platform_state (
    platform    VARCHAR(32)   NOT NULL,
    state_key   VARCHAR(128)  NOT NULL,
    state_value VARCHAR(4096) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, state_key)
);
