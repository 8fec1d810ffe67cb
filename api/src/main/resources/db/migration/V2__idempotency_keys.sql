-- The first answer to each command sent with an Idempotency-Key, so that a retry - concurrent or after a
-- restart - gets that answer and stores nothing new. An acceptance is written in the same transaction as the
-- command's events; a domain refusal, which stores no event, on its own.
CREATE TABLE idempotency_keys (
    actor           VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    -- accepted: the convention, its version afterwards, and whether the command created it
    convention_id   VARCHAR(64),
    version         BIGINT,
    created         BOOLEAN,
    -- refused: the refusal's code, message and facts (JSON)
    refusal_code    VARCHAR(64),
    refusal_message TEXT,
    refusal_facts   TEXT,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, idempotency_key),
    CHECK ((version IS NULL) <> (refusal_code IS NULL))
);
