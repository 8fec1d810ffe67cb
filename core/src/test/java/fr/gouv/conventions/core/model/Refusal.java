package fr.gouv.conventions.core.model;

import org.hamcrest.Description;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Matches a {@link ConventionRefused} by its code and the facts it must name. */
final class Refusal extends TypeSafeDiagnosingMatcher<ConventionRefused> {

    private final RefusalCode code;
    private final Map<String, Object> facts;

    private Refusal(RefusalCode code, Map<String, Object> facts) {
        this.code = code;
        this.facts = facts;
    }

    static Refusal refused(RefusalCode code) {
        return new Refusal(code, Map.of());
    }

    Refusal naming(String fact, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(facts);
        next.put(fact, value);
        return new Refusal(code, next);
    }

    @Override
    protected boolean matchesSafely(ConventionRefused refusal, Description mismatch) {
        if (refusal.code() != code) {
            mismatch.appendText("was refused with ").appendValue(refusal.code())
                    .appendText(": ").appendText(refusal.getMessage());
            return false;
        }
        if (refusal.getMessage() == null || refusal.getMessage().isBlank()) {
            mismatch.appendText("had no message");
            return false;
        }
        for (Map.Entry<String, Object> fact : facts.entrySet()) {
            if (!Objects.equals(refusal.facts().get(fact.getKey()), fact.getValue())) {
                mismatch.appendText("named the facts ").appendValue(refusal.facts());
                return false;
            }
        }
        return true;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a ConventionRefused with code ").appendValue(code)
                .appendText(" naming ").appendValue(facts);
    }
}
