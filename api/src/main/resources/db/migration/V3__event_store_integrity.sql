-- History that cannot be quietly rewritten.
-- 1. Each convention's events form a hash chain: when an event is appended, a trigger computes its SHA-256
--    over its identity, its content, its metadata and the previous event's hash. event_chain_heads keeps the
--    last link of each chain, so that removing the last events is seen too.
-- 2. Stored events cannot be updated, deleted or truncated (a trigger refuses it, whatever the role).
-- 3. The audit facts in the metadata (who, correlation id, business date) and the time of recording are
--    copied into indexed columns, for the auditors' queries.

ALTER TABLE domainevententry
    ADD COLUMN hash           BYTEA,
    ADD COLUMN actor          VARCHAR(255),
    ADD COLUMN correlation_id VARCHAR(255),
    ADD COLUMN business_date  DATE,
    ADD COLUMN recorded_at    TIMESTAMP WITH TIME ZONE;

CREATE TABLE event_chain_heads (
    aggregateidentifier VARCHAR(255) PRIMARY KEY,
    sequencenumber      BIGINT NOT NULL,
    hash                BYTEA  NOT NULL
);

-- The link of one event: what it hashes, in a fixed layout, is documented in projections/README.md.
CREATE FUNCTION event_digest(previous BYTEA, aggregate VARCHAR, sequence_number BIGINT, event_id VARCHAR,
                             payload_type VARCHAR, payload_revision VARCHAR, recorded VARCHAR,
                             payload BYTEA, metadata BYTEA) RETURNS BYTEA
    LANGUAGE sql STABLE AS
$$
SELECT sha256(coalesce(previous, ''::bytea)
                  || convert_to(aggregate || E'\n' || sequence_number || E'\n' || event_id || E'\n'
                                    || payload_type || E'\n' || coalesce(payload_revision, '') || E'\n'
                                    || recorded || E'\n', 'UTF8')
                  || int4send(length(payload)) || payload
                  || coalesce(metadata, ''::bytea))
$$;

CREATE FUNCTION chain_appended_event() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
DECLARE
    previous BYTEA;
    meta     JSONB;
BEGIN
    IF NEW.sequencenumber > 0 THEN
        SELECT hash INTO previous FROM domainevententry
         WHERE aggregateidentifier = NEW.aggregateidentifier AND sequencenumber = NEW.sequencenumber - 1;
    END IF;
    NEW.hash := event_digest(previous, NEW.aggregateidentifier, NEW.sequencenumber, NEW.eventidentifier,
                             NEW.payloadtype, NEW.payloadrevision, NEW.timestamp, NEW.payload, NEW.metadata);
    meta := convert_from(coalesce(NEW.metadata, '{}'::bytea), 'UTF8')::jsonb;
    NEW.actor := meta ->> 'actor';
    NEW.correlation_id := meta ->> 'correlationId';
    NEW.business_date := (meta ->> 'businessDate')::date;
    NEW.recorded_at := NEW.timestamp::timestamptz;
    INSERT INTO event_chain_heads (aggregateidentifier, sequencenumber, hash)
    VALUES (NEW.aggregateidentifier, NEW.sequencenumber, NEW.hash)
    ON CONFLICT (aggregateidentifier) DO UPDATE SET sequencenumber = EXCLUDED.sequencenumber, hash = EXCLUDED.hash;
    RETURN NEW;
END
$$;

-- Events stored before this migration are chained in their order.
DO
$$
    DECLARE
        event     RECORD;
        previous  BYTEA;
        aggregate VARCHAR;
        meta      JSONB;
    BEGIN
        FOR event IN SELECT * FROM domainevententry ORDER BY aggregateidentifier, sequencenumber
            LOOP
                IF aggregate IS DISTINCT FROM event.aggregateidentifier THEN
                    previous := NULL;
                    aggregate := event.aggregateidentifier;
                END IF;
                previous := event_digest(previous, event.aggregateidentifier, event.sequencenumber,
                                         event.eventidentifier, event.payloadtype, event.payloadrevision,
                                         event.timestamp, event.payload, event.metadata);
                meta := convert_from(coalesce(event.metadata, '{}'::bytea), 'UTF8')::jsonb;
                UPDATE domainevententry
                   SET hash = previous, actor = meta ->> 'actor', correlation_id = meta ->> 'correlationId',
                       business_date = (meta ->> 'businessDate')::date, recorded_at = event.timestamp::timestamptz
                 WHERE globalindex = event.globalindex;
                INSERT INTO event_chain_heads VALUES (event.aggregateidentifier, event.sequencenumber, previous)
                ON CONFLICT (aggregateidentifier) DO UPDATE SET sequencenumber = EXCLUDED.sequencenumber,
                                                                hash = EXCLUDED.hash;
            END LOOP;
    END
$$;

ALTER TABLE domainevententry ALTER COLUMN hash SET NOT NULL;

CREATE TRIGGER domainevententry_chained
    BEFORE INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION chain_appended_event();

CREATE FUNCTION refuse_history_change() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'Stored events are append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domainevententry_append_only
    BEFORE UPDATE OR DELETE ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

CREATE TRIGGER domainevententry_never_truncated
    BEFORE TRUNCATE ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

CREATE INDEX domainevententry_recorded_at ON domainevententry (recorded_at);
CREATE INDEX domainevententry_actor ON domainevententry (actor);
