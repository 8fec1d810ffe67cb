package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.core.model.Ceiling;
import fr.gouv.conventions.core.model.MatchingRule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a batch of events adds and never changes: avenants, deadline extensions, ceilings, matching rules and
 * commitments, in the column order of their tables ({@link ReadModelTables} writes them).
 */
final class AppendedRows {

    final List<Object[]> avenants = new ArrayList<>();
    final List<Object[]> extensions = new ArrayList<>();
    final List<Object[]> ceilings = new ArrayList<>();
    final List<Object[]> matchingRules = new ArrayList<>();
    final List<Object[]> commitments = new ArrayList<>();

    void avenant(String conventionId, ConventionView.AvenantView avenant) {
        avenants.add(new Object[]{conventionId, avenant.number(), avenant.kind().name(), avenant.signedOn(),
                avenant.summary(), avenant.previousEndDate(), avenant.newEndDate()});
    }

    void extension(String conventionId, long sequenceNumber, ConventionView.DeadlineExtension extension) {
        extensions.add(new Object[]{conventionId, sequenceNumber, extension.previousDeadline(),
                extension.newDeadline(), extension.reason(), extension.decidedOn()});
    }

    void ceiling(String conventionId, Ceiling ceiling) {
        ceilings.add(new Object[]{conventionId, ceiling.party(), ceiling.year(), ceiling.amount().amount()});
    }

    void matchingRule(String conventionId, MatchingRule rule) {
        matchingRules.add(new Object[]{conventionId, rule.funder(), rule.matcher(), rule.ratio()});
    }

    void commitment(String conventionId, long sequenceNumber, String party, int year, BigDecimal amount,
                    String axis, String action, LocalDate committedOn, Integer avenantNumber) {
        commitments.add(new Object[]{conventionId, sequenceNumber, party, year, amount, axis, action,
                committedOn, avenantNumber});
    }
}
