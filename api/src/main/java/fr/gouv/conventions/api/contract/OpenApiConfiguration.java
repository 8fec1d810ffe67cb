package fr.gouv.conventions.api.contract;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published contract, at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Convention lifecycle service", version = "1",
        description = "Conventions between the State and local authorities against poverty: drafts, signatures,"
                + " avenants and their deadlines, funds committed per party and year, termination. Every accepted"
                + " command becomes events; every refusal is an RFC 9457 problem with a stable `code`."))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiConfiguration {

    /**
     * The shape of a convention's id in a path, and the meaning and shape of the command headers, said once for
     * every operation instead of by annotations on each handler's parameters: Spring MVC compares a parameter's
     * annotations member by member each time it converts the parameter's value, and springdoc's nested ones made
     * that 1.9 % of the service's CPU under load, 0.5 % without them (see BENCHMARKS.md#openapi-parameters).
     */
    @Bean
    OperationCustomizer commandParameters() {
        return (operation, handler) -> {
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    describe(parameter);
                }
            }
            return operation;
        };
    }

    private static void describe(Parameter parameter) {
        if ("path".equals(parameter.getIn()) && "id".equals(parameter.getName())) {
            parameter.setSchema(new StringSchema().pattern(ValidationPatterns.CONVENTION_ID));
        } else if ("header".equals(parameter.getIn()) && "Idempotency-Key".equals(parameter.getName())) {
            parameter.setDescription("Retries with the same key are answered once");
            parameter.setSchema(new StringSchema().pattern(ValidationPatterns.IDEMPOTENCY_KEY));
        } else if ("header".equals(parameter.getIn()) && "If-Match".equals(parameter.getName())) {
            parameter.setDescription("The version the client last saw, as \"N\"");
        }
    }
}
