-- A rebuild loads about one commitment row per event into the standby schema. Keeping that table's two indexes
-- up to date row by row cost PostgreSQL more than everything else the rebuild writes (see BENCHMARKS.md): the
-- rebuild now drops them before loading and builds them once, from the loaded rows, before it switches the
-- views to that schema. Nothing reads or writes the standby schema's tables but the rebuild until then.
-- Both functions keep the names and definitions the tables got in V4.

CREATE FUNCTION drop_commitment_indexes(target VARCHAR) RETURNS VOID
    LANGUAGE plpgsql AS
$$
BEGIN
    EXECUTE format('ALTER TABLE %1$I.convention_commitments DROP CONSTRAINT IF EXISTS convention_commitments_pkey',
                   target);
    EXECUTE format('DROP INDEX IF EXISTS %1$I.convention_commitments_convention_id_party_id_year_idx', target);
END
$$;

-- Builds whichever of the two is missing; a duplicate row (a replay that folded an event twice) makes it fail.
CREATE FUNCTION create_commitment_indexes(target VARCHAR) RETURNS VOID
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint
                    WHERE conrelid = format('%I.convention_commitments', target)::regclass
                      AND conname = 'convention_commitments_pkey') THEN
        EXECUTE format('ALTER TABLE %1$I.convention_commitments'
                           || ' ADD CONSTRAINT convention_commitments_pkey PRIMARY KEY (convention_id, sequence_number)',
                       target);
    END IF;
    EXECUTE format('CREATE INDEX IF NOT EXISTS convention_commitments_convention_id_party_id_year_idx'
                       || ' ON %1$I.convention_commitments (convention_id, party_id, year)', target);
END
$$;
