-- The first answer to each command sent with an Idempotency-Key, written in the same transaction as the
-- command's events: a retry, concurrent or after a restart, gets this answer and stores nothing new.
CREATE TABLE idempotency_keys (
    actor           VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    convention_id   VARCHAR(64)  NOT NULL,
    version         BIGINT       NOT NULL,
    created         BOOLEAN      NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, idempotency_key)
);
