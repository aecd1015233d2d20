-- Messages an adapter has answered (Matrix events), so that one delivered again after a crash is not answered twice.
-- Rows older than any message a platform can deliver again are deleted by the adapter.
CREATE TABLE answered_message (
    platform    VARCHAR(32)  NOT NULL,
    message_id  VARCHAR(255) NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, message_id)
);
CREATE INDEX answered_message_answered_at ON answered_message (answered_at);
