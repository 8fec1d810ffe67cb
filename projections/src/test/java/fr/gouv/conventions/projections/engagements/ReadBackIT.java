package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.model.ConventionKind;
import fr.gouv.conventions.core.model.Party;
import fr.gouv.conventions.core.model.PartyRole;
import fr.gouv.conventions.core.model.Period;
import fr.gouv.conventions.core.model.Territory;
import fr.gouv.conventions.projections.ReadModelDatabase;
import fr.gouv.conventions.projections.ReadModelSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a rebuild's chain of batches reads back the views it put out of memory, on the standby schema of a real
 * PostgreSQL: the views a batch's events need, that are neither in memory nor being written by the batch
 * before, come in one query whatever their number, and folding goes on from them.
 */
class ReadBackIT {

    private static final LocalDate SIGNED_ON = LocalDate.of(2019, 1, 15);

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    @Test
    void theViewsABatchNeedsFromTheSchemaAreReadInOneQuery() {
        ReadModelSchema standby = ReadModelSchema.active(database.jdbc()).other();
        for (String table : ReadModelSchema.TABLES) {
            database.jdbc().execute("truncate table " + standby.table(table));
        }
        CountingJdbc jdbc = new CountingJdbc(database.jdbc().getDataSource());
        ConventionProjection projection = new ConventionProjection();
        // Two views kept: drafting four conventions puts the first two out of memory, written by this batch.
        RebuildBatch first = RebuildBatch.first(jdbc, standby, 2);
        for (String id : List.of("kept-out-1", "kept-out-2", "kept-3", "kept-4")) {
            projection.apply(first, drafted(id), 0);
        }
        first.flush();
        RebuildBatch second = first.next();
        second.flush();
        // The batch after the next one finds them only in the schema.
        RebuildBatch third = second.next();
        assertThat(database.jdbc().queryForList("select convention_id from " + standby.table("conventions"),
                String.class)).containsExactlyInAnyOrder("kept-out-1", "kept-out-2");
        int queriesBefore = jdbc.queries;

        third.readBack(List.of("kept-out-1", "kept-out-2", "new-5"));
        projection.apply(third, new ConventionSigned("kept-out-1", "prefet-59", "Préfet", SIGNED_ON), 1);
        projection.apply(third, new ConventionSigned("kept-out-2", "cd-59", "Président", SIGNED_ON), 1);
        projection.apply(third, drafted("new-5"), 0);

        assertThat(jdbc.queries - queriesBefore).as("one query for the three conventions").isEqualTo(1);
        assertThat(third.view("kept-out-1")).hasValueSatisfying(view -> {
            assertThat(view.version()).isEqualTo(1);
            assertThat(view.parties()).extracting(ConventionView.PartyView::signatory).containsExactly("Préfet", null);
        });
        assertThat(third.view("kept-out-2")).hasValueSatisfying(view -> assertThat(view.version()).isEqualTo(1));
        assertThat(third.memoryReport()).contains("2 read back");
    }

    private static ConventionDrafted drafted(String id) {
        return new ConventionDrafted(id, ConventionKind.ENGAGEMENT, "Convention " + id,
                new Territory("Nord", List.of("59")), new Period(LocalDate.of(2019, 1, 1), LocalDate.of(2021, 12, 31)),
                List.of(new Party("prefet-59", PartyRole.ETAT, "Préfet du Nord", "Préfet"),
                        new Party("cd-59", PartyRole.DEPARTEMENT, "Département du Nord", "Président")),
                List.of(), null, List.of(), List.of(), List.of(), LocalDate.of(2019, 1, 1));
    }

    /** Counts the queries that read views from the schema, one convention or many at a time. */
    private static final class CountingJdbc extends JdbcTemplate {

        int queries;

        CountingJdbc(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public void query(PreparedStatementCreator statement, RowCallbackHandler rows) {
            queries++;
            super.query(statement, rows);
        }

        @Override
        public <T> List<T> query(String sql, RowMapper<T> rows, Object... arguments) {
            queries++;
            return super.query(sql, rows, arguments);
        }
    }
}
