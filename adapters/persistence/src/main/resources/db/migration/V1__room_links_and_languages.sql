-- Runs unchanged on H2 (default mode) and PostgreSQL: portable types only.

-- Which session each conversation (Discord channel, Matrix room, console) is linked to.
CREATE TABLE room_link (
    platform        VARCHAR(64)              NOT NULL,
    conversation_id VARCHAR(255)             NOT NULL,
    session_id      VARCHAR(255)             NOT NULL,
    linked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_room_link PRIMARY KEY (platform, conversation_id)
);

CREATE INDEX ix_room_link_session ON room_link (session_id, linked_at);

-- The language each person chose; the code is Language.code(), e.g. 'fr' or 'en'.
CREATE TABLE language_preference (
    platform      VARCHAR(64)              NOT NULL,
    person_id     VARCHAR(255)             NOT NULL,
    language_code VARCHAR(16)              NOT NULL,
    chosen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_language_preference PRIMARY KEY (platform, person_id)
);
