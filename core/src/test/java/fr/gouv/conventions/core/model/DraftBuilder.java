package fr.gouv.conventions.core.model;

import fr.gouv.conventions.core.command.DraftConvention;

import java.time.LocalDate;
import java.util.List;

/** Copies a draft with one piece changed, so that a test shows only what it breaks. */
final class DraftBuilder {

    private String conventionId;
    private ConventionKind kind;
    private String title;
    private Territory territory;
    private Period period;
    private List<Party> parties;
    private List<String> axes;
    private LocalDate avenantDeadline;
    private List<Ceiling> ceilings;
    private List<MatchingRule> matching;
    private List<IntegratedDocument> integratedDocuments;
    private LocalDate draftedOn;

    private DraftBuilder(DraftConvention draft) {
        conventionId = draft.conventionId();
        kind = draft.kind();
        title = draft.title();
        territory = draft.territory();
        period = draft.period();
        parties = draft.parties();
        axes = draft.axes();
        avenantDeadline = draft.avenantDeadline();
        ceilings = draft.ceilings();
        matching = draft.matching();
        integratedDocuments = draft.integratedDocuments();
        draftedOn = draft.draftedOn();
    }

    static DraftBuilder from(DraftConvention draft) {
        return new DraftBuilder(draft);
    }

    DraftBuilder conventionId(String value) {
        conventionId = value;
        return this;
    }

    DraftBuilder kind(ConventionKind value) {
        kind = value;
        return this;
    }

    DraftBuilder title(String value) {
        title = value;
        return this;
    }

    DraftBuilder territory(Territory value) {
        territory = value;
        return this;
    }

    DraftBuilder period(Period value) {
        period = value;
        return this;
    }

    DraftBuilder parties(Party... value) {
        parties = List.of(value);
        return this;
    }

    DraftBuilder axes(String... value) {
        axes = List.of(value);
        return this;
    }

    DraftBuilder avenantDeadline(LocalDate value) {
        avenantDeadline = value;
        return this;
    }

    DraftBuilder ceilings(Ceiling... value) {
        ceilings = List.of(value);
        return this;
    }

    DraftBuilder matching(MatchingRule... value) {
        matching = List.of(value);
        return this;
    }

    DraftBuilder integratedDocuments(IntegratedDocument... value) {
        integratedDocuments = List.of(value);
        return this;
    }

    DraftBuilder draftedOn(LocalDate value) {
        draftedOn = value;
        return this;
    }

    DraftConvention build() {
        return new DraftConvention(conventionId, kind, title, territory, period, parties, axes, avenantDeadline,
                ceilings, matching, integratedDocuments, draftedOn);
    }
}
