package fr.gouv.conventions.core.model;

import java.util.List;

/** Where a convention applies: a name and the codes of the départements it covers ({@code "59"}, {@code "62"}). */
public record Territory(String name, List<String> departements) {

    public Territory {
        departements = departements == null ? List.of() : List.copyOf(departements);
    }
}
