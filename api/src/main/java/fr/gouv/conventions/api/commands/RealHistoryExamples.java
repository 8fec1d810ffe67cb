package fr.gouv.conventions.api.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Request bodies drawn from the real conventions of 2018–2019, shown as examples in the published contract. The
 * bodies are the catalogue of {@code examples/real-history/} (on the classpath under {@code real-history/}), which
 * the tests and {@code examples/real-history.sh} send too: an {@code @ExampleObject} names its file, and this
 * customizer puts the file's JSON in its place, so that no body is written twice.
 */
@Component
class RealHistoryExamples implements OpenApiCustomizer {

    static final String BASSIN_MINIER_DRAFT = "bassin-minier-draft.json";
    static final String PAS_DE_CALAIS_SIGNATURE = "pas-de-calais-signed-by-departement.json";
    static final String PAS_DE_CALAIS_FINANCIAL_AVENANT = "pas-de-calais-financial-avenant.json";
    static final String BASSIN_MINIER_COMMITMENT = "bassin-minier-2020-nord.json";

    private static final String CATALOGUE = "real-history/";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .filter(operation -> operation.getRequestBody() != null)
                .map(operation -> operation.getRequestBody().getContent())
                .filter(Objects::nonNull)
                .flatMap(content -> content.values().stream())
                .map(MediaType::getExamples)
                .filter(Objects::nonNull)
                .flatMap(examples -> examples.values().stream())
                .filter(example -> example.getValue() instanceof String name && name.endsWith(".json"))
                .forEach(RealHistoryExamples::readFromCatalogue);
    }

    private static void readFromCatalogue(Example example) {
        String file = CATALOGUE + example.getValue();
        try (InputStream body = new ClassPathResource(file).getInputStream()) {
            JsonNode json = Json.mapper().readTree(body);
            example.setValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("no example body " + file + " on the classpath", e);
        }
    }
}
