package fr.gouv.conventions.api.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Two JSON mappers from the same {@code spring.jackson} settings: a strict one for HTTP, which refuses unknown
 * fields, and a tolerant one that Axon uses for stored events and snapshots, so that a field added to an event
 * later never makes the older ones unreadable.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The name Axon's autoconfiguration looks for. */
    @Bean
    ObjectMapper defaultAxonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
