-- The lease of the platforms and the schedules (issue 12): with two instances on one database, the one holding it
-- connects to the platforms and sends the posts; the other stands by. This is Spring Integration's lock table
-- (spring-integration-jdbc's schema), in which a lock is a row that its holder renews before it expires.
CREATE TABLE INT_LOCK (
    LOCK_KEY CHAR(36) NOT NULL,
    REGION VARCHAR(100) NOT NULL,
    CLIENT_ID CHAR(36),
    CREATED_DATE TIMESTAMP NOT NULL,
    EXPIRED_AFTER TIMESTAMP NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
