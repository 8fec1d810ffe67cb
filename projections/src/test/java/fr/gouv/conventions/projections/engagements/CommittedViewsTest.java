package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.model.ConventionKind;
import fr.gouv.conventions.core.model.Party;
import fr.gouv.conventions.core.model.PartyRole;
import fr.gouv.conventions.core.model.Period;
import fr.gouv.conventions.core.model.Territory;
import fr.gouv.conventions.projections.ReadModelSchema;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which committed view the live projection may fold the next event into without reading it back. */
class CommittedViewsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 15);

    private static ConventionView view(String id, long version) {
        ConventionView view = ConventionView.drafted(new ConventionDrafted(id, ConventionKind.ENGAGEMENT, "Convention",
                new Territory("Nord", List.of("59")), new Period(DAY, DAY.plusYears(3)),
                List.of(new Party("prefet", PartyRole.ETAT, "Préfet", "Préfet"),
                        new Party("cd-59", PartyRole.DEPARTEMENT, "Nord", "Président")),
                List.of("PREVENTION"), null, List.of(), List.of(), List.of(), DAY), 0);
        for (long next = 1; next <= version; next++) {
            view = view.apply(new ConventionSigned(id, next % 2 == 1 ? "prefet" : "cd-59", "Signataire", DAY), next);
        }
        return view;
    }

    @Test
    void aCommittedViewServesOnlyTheEventThatDirectlyFollowsIt() {
        CommittedViews views = new CommittedViews(10);
        ConventionView atOne = view("nord", 1);
        views.committed(ReadModelSchema.RM_A, List.of(atOne));

        assertThat(views.before(ReadModelSchema.RM_A, "nord", 2)).contains(atOne);
        assertThat(views.before(ReadModelSchema.RM_A, "nord", 1)).as("an event folded already").isEmpty();
        assertThat(views.before(ReadModelSchema.RM_A, "nord", 3)).as("events folded elsewhere meanwhile").isEmpty();
    }

    @Test
    void viewsAreKeptPerSchemaAndPerConvention() {
        CommittedViews views = new CommittedViews(10);
        views.committed(ReadModelSchema.RM_A, List.of(view("nord", 1)));

        assertThat(views.before(ReadModelSchema.RM_B, "nord", 2)).isEmpty();
        assertThat(views.before(ReadModelSchema.RM_A, "pas-de-calais", 2)).isEmpty();
    }

    @Test
    void aLaterCommitReplacesTheViewItKept() {
        CommittedViews views = new CommittedViews(10);
        views.committed(ReadModelSchema.RM_A, List.of(view("nord", 1)));
        ConventionView atTwo = view("nord", 2);
        views.committed(ReadModelSchema.RM_A, List.of(atTwo));

        assertThat(views.before(ReadModelSchema.RM_A, "nord", 2)).isEmpty();
        assertThat(views.before(ReadModelSchema.RM_A, "nord", 3)).contains(atTwo);
    }
}
