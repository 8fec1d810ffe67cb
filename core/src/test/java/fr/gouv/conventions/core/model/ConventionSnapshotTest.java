package fr.gouv.conventions.core.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.gouv.conventions.core.command.CommitFunds;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static fr.gouv.conventions.core.model.ConventionTesting.conventionFixture;
import static fr.gouv.conventions.core.model.ConventionTesting.date;
import static fr.gouv.conventions.core.model.ConventionTesting.euros;
import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots hold the whole state of a convention: it survives a round trip through Jackson unchanged. */
class ConventionSnapshotTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void aConventionWithSignaturesAvenantsCommitmentsAndAFulfilledDeadlineRoundTripsThroughJson()
            throws Exception {
        Convention convention = stateAfter(RealHistory.pasDeCalaisAfterFinancialAvenant(),
                new CommitFunds(RealHistory.PAS_DE_CALAIS, "cd-62", 2020, euros("1250000.50"), null, null,
                        date(2020, 1, 10)));

        String snapshot = json.writeValueAsString(convention);
        Convention restored = json.readValue(snapshot, Convention.class);

        assertThat(snapshot).contains("\"2019-03-31\"").contains("\"FULFILLED\"").contains("\"1250000.50\"");
        assertThat(restored).usingRecursiveComparison().isEqualTo(convention);
    }

    @Test
    void aConventionWithAnOpenDeadlineAndCeilingsRoundTripsThroughJson() throws Exception {
        List<Object> history = new ArrayList<>(RealHistory.bassinMinierInForce());
        Convention convention = stateAfter(history, RealHistory.bassinMinierCommitment("prefet-region",
                euros("500000.00"), "Nord"));

        Convention restored = json.readValue(json.writeValueAsString(convention), Convention.class);

        assertThat(restored).usingRecursiveComparison().isEqualTo(convention);
    }

    /** The aggregate as the fixture holds it after {@code command} on top of {@code history}. */
    private static Convention stateAfter(List<Object> history, Object command) {
        AggregateTestFixture<Convention> fixture = conventionFixture();
        AtomicReference<Convention> state = new AtomicReference<>();
        fixture.given(history)
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectState(state::set);
        return state.get();
    }
}
