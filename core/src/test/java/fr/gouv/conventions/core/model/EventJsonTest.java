package fr.gouv.conventions.core.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.gouv.conventions.core.event.AvenantDeadlineExtended;
import fr.gouv.conventions.core.event.AvenantDeadlineFulfilled;
import fr.gouv.conventions.core.event.AvenantDeadlineMissed;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionEnteredIntoForce;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.event.ConventionTerminated;
import fr.gouv.conventions.core.event.FundsCommitted;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.gouv.conventions.core.model.ConventionTesting.date;
import static org.assertj.core.api.Assertions.assertThat;

/** Events are stored as JSON: each kind reads back equal with a strict mapper, holding only its own fields. */
class EventJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyKindOfEventRoundTripsThroughJson() throws Exception {
        List<Object> events = new ArrayList<>(RealHistory.pasDeCalaisAfterFinancialAvenant());
        events.addAll(RealHistory.bassinMinierInForce());
        String id = RealHistory.PAS_DE_CALAIS;
        events.add(new AvenantSigned(id, 2, AvenantKind.PROLONGATION, date(2021, 11, 30), "Prolongation",
                date(2021, 12, 31), date(2022, 12, 31)));
        events.add(new AvenantDeadlineExtended(id, date(2019, 3, 31), date(2019, 6, 30), "Report",
                date(2019, 3, 25)));
        events.add(new AvenantDeadlineMissed(id, date(2019, 6, 30), date(2019, 7, 1)));
        events.add(new ConventionTerminated(id, date(2023, 12, 31), "Fin de la stratégie"));

        assertThat(events.stream().map(Object::getClass).distinct()).containsExactlyInAnyOrder(
                ConventionDrafted.class, ConventionSigned.class, ConventionEnteredIntoForce.class,
                AvenantSigned.class, FundsCommitted.class, AvenantDeadlineFulfilled.class,
                AvenantDeadlineExtended.class, AvenantDeadlineMissed.class, ConventionTerminated.class);
        for (Object event : events) {
            String written = json.writeValueAsString(event);
            assertThat(json.readValue(written, event.getClass())).as(written).isEqualTo(event);
        }
    }

    @Test
    void theDraftEventHoldsThePeriodAsTwoDatesAndTheAmountsAsDecimalStrings() throws Exception {
        String written = json.writeValueAsString(RealHistory.bassinMinierDrafted());

        assertThat(json.readTree(written).get("period").properties()).extracting(Map.Entry::getKey)
                .containsExactly("from", "to");
        assertThat(written).contains("\"period\":{\"from\":\"2019-07-10\",\"to\":\"2021-12-31\"}")
                .contains("\"amount\":\"1000000.00\"");
    }
}
