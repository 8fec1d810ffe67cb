package fr.gouv.conventions.api.contract;

/** The shapes of identifiers, codes and amounts accepted over HTTP, shared by the request bodies and paths. */
public final class ValidationPatterns {

    public static final String CONVENTION_ID = "[a-z0-9-]{3,64}";
    /** An {@code Idempotency-Key} header. */
    public static final String IDEMPOTENCY_KEY = "[A-Za-z0-9._:-]{1,128}";
    public static final String PARTY_ID = "[a-z0-9-]{1,64}";
    public static final String AXIS = "[A-Z0-9_]{1,64}";
    /** Metropolitan départements 01–95 with Corsica's 2A and 2B, and the overseas ones 971–976. */
    public static final String DEPARTEMENT = "0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6]";
    /** Euros as a decimal string: no sign, no exponent, at most 2 decimals, under a thousand billion. */
    public static final String AMOUNT = "(0|[1-9][0-9]{0,11})(\\.[0-9]{1,2})?";
    public static final String RATIO = "(0|[1-9][0-9]{0,2})(\\.[0-9]{1,4})?";
    /** Free text: any character but the control characters, apart from tab and line breaks. */
    public static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    public static final String TEXT_MESSAGE = "must not contain control characters";
    public static final String AMOUNT_MESSAGE = "must be a decimal string in euros with at most 2 decimals, such as \"500000.00\"";

    private ValidationPatterns() {
    }
}
