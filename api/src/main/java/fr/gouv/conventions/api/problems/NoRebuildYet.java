package fr.gouv.conventions.api.problems;

/** No rebuild of the read models has run on this instance since it started. */
public class NoRebuildYet extends RuntimeException {

    public NoRebuildYet() {
        super("No rebuild has run on this instance since it started");
    }
}
