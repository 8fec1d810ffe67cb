package fr.gouv.conventions.projections;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two schemas that hold the read-model tables: one is served (the public views point at it), the other is
 * where a rebuild replays history. Schema names only ever come from this enum, never from input.
 */
public enum ReadModelSchema {
    RM_A("rm_a"),
    RM_B("rm_b");

    /**
     * The advisory lock that live projection batches take in shared mode and a rebuild takes exclusively to switch
     * the served schema, so that no live batch writes to a schema while it is switched.
     */
    public static final long SWITCH_LOCK = 0x636f6e76656e74L;

    /** The read-model tables, children first, as a rebuild empties them. */
    public static final String[] TABLES = {"convention_commitments", "convention_matching_rules",
            "convention_ceilings", "convention_deadline_extensions", "convention_avenants", "convention_parties",
            "conventions"};

    private final String schemaName;

    ReadModelSchema(String schemaName) {
        this.schemaName = schemaName;
    }

    public String schemaName() {
        return schemaName;
    }

    /** A table of this schema, qualified, for SQL text. */
    public String table(String table) {
        return schemaName + "." + table;
    }

    public ReadModelSchema other() {
        return this == RM_A ? RM_B : RM_A;
    }

    /** The schema the public views point at now. */
    public static ReadModelSchema active(JdbcTemplate jdbc) {
        String name = jdbc.queryForObject("select active_schema from read_model_state", String.class);
        for (ReadModelSchema schema : values()) {
            if (schema.schemaName.equals(name)) {
                return schema;
            }
        }
        throw new IllegalStateException("Unknown read-model schema " + name);
    }
}
