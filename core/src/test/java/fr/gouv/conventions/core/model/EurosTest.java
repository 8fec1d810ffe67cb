package fr.gouv.conventions.core.model;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.gouv.conventions.core.event.FundsCommitted;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static fr.gouv.conventions.core.model.ConventionTesting.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R10: money is exact, with at most two decimals, and travels in JSON as a decimal string. */
class EurosTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void anAmountWithMoreThanTwoDecimalsIsRejected() {
        assertThatThrownBy(() -> Euros.of("500000.005"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("500000.005");
        assertThatThrownBy(() -> new Euros(new BigDecimal("0.001"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trailingZerosBeyondTheCentAreNotExtraDecimals() {
        assertThat(Euros.of("500000.000")).isEqualTo(Euros.of("500000.00"));
    }

    @Test
    void theScaleIsNormalisedToCents() {
        assertThat(Euros.of("500000").amount()).isEqualByComparingTo("500000").hasScaleOf(2);
        assertThat(Euros.of("0.5")).isEqualTo(Euros.of("0.50"));
        assertThat(Euros.of("1E+6")).hasToString("1000000.00");
        assertThat(Euros.of("500000")).hasToString("500000.00");
    }

    @Test
    void sumsAndDifferencesAreExact() {
        assertThat(Euros.of("0.10").plus(Euros.of("0.20"))).isEqualTo(Euros.of("0.30"));
        assertThat(Euros.of("1000000.00").minus(Euros.of("999999.99"))).isEqualTo(Euros.of("0.01"));
        assertThat(Euros.of("0.01").exceeds(Euros.ZERO)).isTrue();
        assertThat(Euros.ZERO.isPositive()).isFalse();
        assertThat(Euros.of("-0.01").isPositive()).isFalse();
    }

    @Test
    void anAmountTravelsInJsonAsADecimalString() throws Exception {
        assertThat(json.writeValueAsString(Euros.of("500000"))).isEqualTo("\"500000.00\"");
        assertThat(json.readValue("\"500000.5\"", Euros.class)).isEqualTo(Euros.of("500000.50"));
    }

    @Test
    void anEventCarriesItsAmountAsADecimalStringAndItsDatesAsIsoDates() throws Exception {
        FundsCommitted event = new FundsCommitted("bassin-minier-2019", "cd-62", 2020, Euros.of("500000"), null,
                null, date(2019, 7, 10), null);

        String written = json.writeValueAsString(event);

        assertThat(json.readTree(written).get("amount").isTextual()).isTrue();
        assertThat(written).contains("\"amount\":\"500000.00\"").contains("\"committedOn\":\"2019-07-10\"");
        assertThat(json.readValue(written, FundsCommitted.class)).isEqualTo(event);
    }

    @Test
    void jsonWithMoreThanTwoDecimalsIsRejected() {
        assertThatThrownBy(() -> json.readValue("\"500000.001\"", Euros.class))
                .isInstanceOf(JsonMappingException.class);
    }
}
