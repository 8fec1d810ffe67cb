-- The service chains the events it appends itself: it knows the hash of each convention's last event, and sends
-- every event with its hash and its audit columns (the digest is event_digest's, see V3). The chaining trigger
-- then costs nothing: it only fires for a row that comes without a hash, from any other writer, and chains it
-- as before. The chain's head is recorded for every row, whoever wrote it. Per appended event, PostgreSQL spent
-- about 0.19 ms with the trigger doing it all, and spends about 0.12 ms this way (see BENCHMARKS.md).

DROP TRIGGER domainevententry_chained ON domainevententry;

CREATE OR REPLACE FUNCTION chain_appended_event() RETURNS TRIGGER
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
    RETURN NEW;
END
$$;

CREATE TRIGGER domainevententry_chained
    BEFORE INSERT ON domainevententry
    FOR EACH ROW WHEN (NEW.hash IS NULL) EXECUTE FUNCTION chain_appended_event();

CREATE FUNCTION record_chain_head() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO event_chain_heads (aggregateidentifier, sequencenumber, hash)
    VALUES (NEW.aggregateidentifier, NEW.sequencenumber, NEW.hash)
    ON CONFLICT (aggregateidentifier) DO UPDATE SET sequencenumber = EXCLUDED.sequencenumber, hash = EXCLUDED.hash;
    RETURN NEW;
END
$$;

-- BEFORE triggers fire in the order of their names: this one after domainevententry_chained, so that it records
-- the hash that trigger computed.
CREATE TRIGGER domainevententry_head_recorded
    BEFORE INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION record_chain_head();
