-- The read models, rebuilt from the events. Their tables exist twice, in the schemas rm_a and rm_b: one is
-- served, the other is where a rebuild replays the history before it is switched in. Reporting tools read
-- the views of the public schema, which always point at the served schema; their names and columns are the
-- public contract documented in projections/README.md.

CREATE TABLE read_model_state (
    only_row      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    active_schema VARCHAR(8) NOT NULL CHECK (active_schema IN ('rm_a', 'rm_b')),
    switched_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
INSERT INTO read_model_state (active_schema) VALUES ('rm_a');

-- The last rebuild, whichever instance runs it: at most one at a time (a crashed one is taken over once it has
-- not reported progress for two minutes).
CREATE TABLE read_model_rebuild (
    only_row    BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    id          VARCHAR(64)  NOT NULL,
    phase       VARCHAR(16)  NOT NULL,
    done        BIGINT       NOT NULL,
    total       BIGINT       NOT NULL,
    target      VARCHAR(8)   NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    failure     TEXT
);

CREATE FUNCTION create_read_model_tables(target VARCHAR) RETURNS VOID
    LANGUAGE plpgsql AS
$$
BEGIN
    EXECUTE format('CREATE SCHEMA %I', target);
    EXECUTE format($ddl$
        CREATE TABLE %1$I.conventions (
            convention_id           VARCHAR(64) PRIMARY KEY,
            kind                    VARCHAR(32)  NOT NULL,
            title                   TEXT         NOT NULL,
            territory_name          TEXT         NOT NULL,
            departements            TEXT[]       NOT NULL,
            period_from             DATE         NOT NULL,
            period_to               DATE         NOT NULL,
            lifecycle_status        VARCHAR(32)  NOT NULL,
            drafted_on              DATE         NOT NULL,
            in_force_on             DATE,
            terminated_on           DATE,
            termination_reason      TEXT,
            avenant_deadline        DATE,
            avenant_deadline_state  VARCHAR(16),
            avenant_deadline_initially DATE,
            version                 BIGINT       NOT NULL,
            document                JSONB        NOT NULL
        );
        CREATE INDEX ON %1$I.conventions USING gin (departements);
        CREATE TABLE %1$I.convention_parties (
            convention_id  VARCHAR(64)  NOT NULL,
            party_id       VARCHAR(64)  NOT NULL,
            role           VARCHAR(32)  NOT NULL,
            name           TEXT         NOT NULL,
            representative TEXT         NOT NULL,
            signatory      TEXT,
            signed_on      DATE,
            PRIMARY KEY (convention_id, party_id)
        );
        CREATE TABLE %1$I.convention_avenants (
            convention_id     VARCHAR(64) NOT NULL,
            number            INTEGER     NOT NULL,
            kind              VARCHAR(32) NOT NULL,
            signed_on         DATE        NOT NULL,
            summary           TEXT        NOT NULL,
            previous_end_date DATE,
            new_end_date      DATE,
            PRIMARY KEY (convention_id, number)
        );
        CREATE TABLE %1$I.convention_deadline_extensions (
            convention_id     VARCHAR(64) NOT NULL,
            sequence_number   BIGINT      NOT NULL,
            previous_deadline DATE        NOT NULL,
            new_deadline      DATE        NOT NULL,
            reason            TEXT        NOT NULL,
            decided_on        DATE        NOT NULL,
            PRIMARY KEY (convention_id, sequence_number)
        );
        CREATE TABLE %1$I.convention_ceilings (
            convention_id VARCHAR(64)    NOT NULL,
            party_id      VARCHAR(64)    NOT NULL,
            year          INTEGER        NOT NULL,
            amount        NUMERIC(15, 2) NOT NULL,
            PRIMARY KEY (convention_id, party_id, year)
        );
        CREATE TABLE %1$I.convention_matching_rules (
            convention_id VARCHAR(64) NOT NULL,
            funder        VARCHAR(64) NOT NULL,
            matcher       VARCHAR(64) NOT NULL,
            ratio         NUMERIC     NOT NULL,
            PRIMARY KEY (convention_id, funder, matcher)
        );
        CREATE TABLE %1$I.convention_commitments (
            convention_id   VARCHAR(64)    NOT NULL,
            sequence_number BIGINT         NOT NULL,
            party_id        VARCHAR(64)    NOT NULL,
            year            INTEGER        NOT NULL,
            amount          NUMERIC(15, 2) NOT NULL,
            axis            VARCHAR(64),
            action          TEXT,
            committed_on    DATE           NOT NULL,
            avenant_number  INTEGER,
            PRIMARY KEY (convention_id, sequence_number)
        );
        CREATE INDEX ON %1$I.convention_commitments (convention_id, party_id, year);
    $ddl$, target);
END
$$;

-- Points the public views at the tables of one schema; the rebuild calls it when it switches schemas.
-- EXPIRED and OVERDUE are derived from the day in Paris, where the conventions' dates are kept, whatever the
-- time zone of the session that reads them.
CREATE FUNCTION point_read_model_views(target VARCHAR) RETURNS VOID
    LANGUAGE plpgsql AS
$$
BEGIN
    EXECUTE format($views$
        CREATE OR REPLACE VIEW public.conventions AS
        SELECT convention_id, kind, title, territory_name, departements, period_from, period_to,
               CASE WHEN lifecycle_status = 'IN_FORCE' AND period_to < (now() AT TIME ZONE 'Europe/Paris')::date
                    THEN 'EXPIRED'
                    ELSE lifecycle_status END AS status,
               drafted_on, in_force_on, terminated_on, termination_reason,
               avenant_deadline,
               CASE WHEN avenant_deadline_state = 'OPEN'
                         AND avenant_deadline < (now() AT TIME ZONE 'Europe/Paris')::date THEN 'OVERDUE'
                    ELSE avenant_deadline_state END AS avenant_deadline_state,
               avenant_deadline_initially, version
          FROM %1$I.conventions;
        CREATE OR REPLACE VIEW public.convention_parties AS
        SELECT convention_id, party_id, role, name, representative, signatory, signed_on
          FROM %1$I.convention_parties;
        CREATE OR REPLACE VIEW public.convention_avenants AS
        SELECT convention_id, number, kind, signed_on, summary, previous_end_date, new_end_date
          FROM %1$I.convention_avenants;
        CREATE OR REPLACE VIEW public.convention_deadline_extensions AS
        SELECT convention_id, sequence_number, previous_deadline, new_deadline, reason, decided_on
          FROM %1$I.convention_deadline_extensions;
        CREATE OR REPLACE VIEW public.convention_ceilings AS
        SELECT convention_id, party_id, year, amount FROM %1$I.convention_ceilings;
        CREATE OR REPLACE VIEW public.convention_matching_rules AS
        SELECT convention_id, funder, matcher, ratio FROM %1$I.convention_matching_rules;
        CREATE OR REPLACE VIEW public.convention_commitments AS
        SELECT convention_id, sequence_number, party_id, year, amount, axis, action, committed_on, avenant_number
          FROM %1$I.convention_commitments;
        CREATE OR REPLACE VIEW public.funding_by_party_year AS
        WITH committed AS (
            SELECT convention_id, party_id, year, sum(amount) AS committed
              FROM %1$I.convention_commitments GROUP BY convention_id, party_id, year
        ), keys AS (
            SELECT convention_id, party_id, year FROM committed
            UNION SELECT convention_id, party_id, year FROM %1$I.convention_ceilings
        )
        SELECT k.convention_id, c.departements, k.party_id, p.role AS party_role, k.year,
               coalesce(m.committed, 0)::NUMERIC(15, 2) AS committed,
               l.amount AS ceiling,
               (l.amount - coalesce(m.committed, 0))::NUMERIC(15, 2) AS remaining
          FROM keys k
          JOIN %1$I.conventions c ON c.convention_id = k.convention_id
          LEFT JOIN %1$I.convention_parties p ON p.convention_id = k.convention_id AND p.party_id = k.party_id
          LEFT JOIN committed m ON m.convention_id = k.convention_id AND m.party_id = k.party_id AND m.year = k.year
          LEFT JOIN %1$I.convention_ceilings l
                 ON l.convention_id = k.convention_id AND l.party_id = k.party_id AND l.year = k.year;
        CREATE OR REPLACE VIEW public.matching_by_year AS
        WITH committed AS (
            SELECT convention_id, party_id, year, sum(amount) AS committed
              FROM %1$I.convention_commitments GROUP BY convention_id, party_id, year
        ), years AS (
            SELECT DISTINCT convention_id, year FROM committed
        )
        SELECT r.convention_id, c.departements, y.year, r.funder, r.matcher, p.role AS matcher_role, r.ratio,
               coalesce(f.committed, 0)::NUMERIC(15, 2) AS funder_committed,
               coalesce(m.committed, 0)::NUMERIC(15, 2) AS matcher_committed,
               round(r.ratio * coalesce(f.committed, 0), 2)::NUMERIC(15, 2) AS required,
               greatest(round(r.ratio * coalesce(f.committed, 0), 2) - coalesce(m.committed, 0), 0)::NUMERIC(15, 2)
                   AS shortfall,
               coalesce(m.committed, 0) >= round(r.ratio * coalesce(f.committed, 0), 2) AS matched
          FROM %1$I.convention_matching_rules r
          JOIN %1$I.conventions c ON c.convention_id = r.convention_id
          JOIN years y ON y.convention_id = r.convention_id
          LEFT JOIN %1$I.convention_parties p ON p.convention_id = r.convention_id AND p.party_id = r.matcher
          LEFT JOIN committed f ON f.convention_id = r.convention_id AND f.party_id = r.funder AND f.year = y.year
          LEFT JOIN committed m ON m.convention_id = r.convention_id AND m.party_id = r.matcher AND m.year = y.year;
    $views$, target);
    UPDATE read_model_state SET active_schema = target, switched_at = now();
END
$$;

SELECT create_read_model_tables('rm_a');
SELECT create_read_model_tables('rm_b');
SELECT point_read_model_views('rm_a');
