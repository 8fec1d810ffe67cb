package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.core.event.ConventionEvent;
import fr.gouv.conventions.projections.ReadModelDatabase;
import fr.gouv.conventions.projections.ReadModelSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the live projection's batches write to the served schema of a real PostgreSQL, as its handler drives them:
 * a batch that folds an event again into the view it kept (a rebuild or another instance went further meanwhile)
 * never moves the read model back.
 */
class LiveBatchIT {

    private static final ConventionProjection PROJECTION = new ConventionProjection();

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    @Test
    void eachBatchWritesWhatItsEventsChanged() {
        String id = "live-rows";
        List<ConventionEvent> history = SampleHistory.of(id);
        for (int number = 0; number < history.size(); number++) {
            LiveBatch batch = new LiveBatch(database.jdbc(), served());
            PROJECTION.apply(batch, history.get(number), number);
            batch.flush();
        }

        assertThat(ReadModelRows.of(database.jdbc(), served(), id)).containsExactly(
                "conventions ENGAGEMENT Convention live-rows Nord {59} 2024-01-05 2026-12-31 IN_FORCE 2024-01-05"
                        + " 2024-01-15 - - 2024-09-30 FULFILLED 2024-06-30 8",
                "convention_parties cd-59 DEPARTEMENT Département du Nord La présidente La présidente 2024-01-15",
                "convention_parties prefet-59 ETAT Préfet du Nord Préfet Préfet 2024-01-15",
                "convention_avenants 1 FINANCIER 2024-09-01 Engagements 2024 - -",
                "convention_deadline_extensions 5 2024-06-30 2024-09-30 Concertation prolongée 2024-06-01",
                "convention_ceilings prefet-59 2024 100000.00",
                "convention_matching_rules prefet-59 cd-59 0.5",
                "convention_commitments 4 prefet-59 2024 60000.00 INSERTION_EMPLOI Référents de parcours 2024-02-01 -",
                "convention_commitments 7 cd-59 2024 30000.00 INSERTION_EMPLOI Accueil 2024-09-02 1");
    }

    @Test
    void aBatchFoldingAnEventAgainIntoTheViewItKeptNeverMovesTheReadModelBack() {
        String id = "live-never-back";
        List<ConventionEvent> history = SampleHistory.of(id);
        LiveBatch all = new LiveBatch(database.jdbc(), served());
        for (int number = 0; number < history.size(); number++) {
            PROJECTION.apply(all, history.get(number), number);
        }
        all.flush();
        List<String> before = ReadModelRows.of(database.jdbc(), served(), id);

        for (int number = 1; number < history.size(); number++) {
            ConventionView kept = ConventionView.drafted((fr.gouv.conventions.core.event.ConventionDrafted)
                    history.get(0), 0);
            for (int folded = 1; folded < number; folded++) {
                kept = kept.apply(history.get(folded), folded);
            }
            LiveBatch late = new LiveBatch(database.jdbc(), served());
            late.startFrom(kept.withoutAvenants());
            PROJECTION.apply(late, history.get(number), number);
            late.flush();
        }

        assertThat(ReadModelRows.of(database.jdbc(), served(), id)).containsExactlyElementsOf(before);
        assertThat(before).first().asString().endsWith(" 8");
    }

    private static ReadModelSchema served() {
        return ReadModelSchema.active(database.jdbc());
    }
}
