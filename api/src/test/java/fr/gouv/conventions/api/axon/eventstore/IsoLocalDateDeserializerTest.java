package fr.gouv.conventions.api.axon.eventstore;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IsoLocalDateDeserializerTest {

    private final ObjectMapper axons = new EventStoreConfiguration().defaultAxonObjectMapper(
            Jackson2ObjectMapperBuilder.json());
    private final ObjectMapper jacksons = Jackson2ObjectMapperBuilder.json().build()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void axonsMapperReadsDatesWithIt() throws Exception {
        DeserializationContext context = ((DefaultDeserializationContext) axons.getDeserializationContext())
                .createInstance(axons.getDeserializationConfig(), null, null);

        assertThat(context.findRootValueDeserializer(axons.constructType(LocalDate.class)))
                .isInstanceOf(IsoLocalDateDeserializer.class);
    }

    @Test
    void readsEveryDateAsJacksonDoes() throws Exception {
        Random random = new Random(20261126);
        long first = LocalDate.of(0, 1, 1).toEpochDay();
        long last = LocalDate.of(9999, 12, 31).toEpochDay();
        for (int i = 0; i < 200_000; i++) {
            String json = "{\"date\":\"" + LocalDate.ofEpochDay(first + (long) (random.nextDouble() * (last - first)))
                    + "\"}";
            assertThat(axons.readValue(json, Dated.class)).as(json).isEqualTo(jacksons.readValue(json, Dated.class));
        }
    }

    @Test
    void anythingElseGetsJacksonsAnswer() {
        for (String value : List.of("\"2024-02-29\"", "\"2023-02-29\"", "\"2026-04-31\"", "\"2026-13-01\"",
                "\"2026-00-10\"", "\"2026-01-00\"", "\"2026-1-01\"", "\"+12026-01-01\"", "\"-0001-01-01\"",
                "\" 2026-01-01 \"", "\"2026-01-01T10:00:00\"", "\"2026-01-01T10:00:00Z\"", "\"\"", "null", "20260",
                "[2026,1,31]", "\"2026/01/01\"", "\"2026-01-0a\"", "\"\uFF12\uFF10\uFF12\uFF16-01-01\"", "true")) {
            String json = "{\"date\":" + value + "}";
            assertThat(outcome(axons, json)).as(json).isEqualTo(outcome(jacksons, json));
        }
    }

    private static String outcome(ObjectMapper mapper, String json) {
        try {
            return String.valueOf(mapper.readValue(json, Dated.class));
        } catch (Exception refused) {
            return refused.getClass().getName();
        }
    }

    record Dated(LocalDate date) {
    }
}
