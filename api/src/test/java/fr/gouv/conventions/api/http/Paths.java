package fr.gouv.conventions.api.http;

/** The paths of the six command endpoints. */
final class Paths {

    static final String DRAFTS = "/api/conventions";

    private Paths() {
    }

    static String signatures(String id) {
        return DRAFTS + "/" + id + "/signatures";
    }

    static String avenants(String id) {
        return DRAFTS + "/" + id + "/avenants";
    }

    static String deadlineExtensions(String id) {
        return DRAFTS + "/" + id + "/deadline-extensions";
    }

    static String commitments(String id) {
        return DRAFTS + "/" + id + "/commitments";
    }

    static String termination(String id) {
        return DRAFTS + "/" + id + "/termination";
    }
}
