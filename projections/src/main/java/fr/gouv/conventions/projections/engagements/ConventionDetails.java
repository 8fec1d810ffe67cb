package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.core.model.ConventionKind;
import fr.gouv.conventions.core.model.Euros;
import fr.gouv.conventions.core.model.IntegratedDocument;
import fr.gouv.conventions.core.model.Period;
import fr.gouv.conventions.core.model.Territory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A convention as it is shown on a given day: its status (expired once past its end), its deadline (overdue once
 * past it), what each party committed per year against its ceiling, and whether each matching rule is met.
 */
public record ConventionDetails(
        String conventionId,
        ConventionKind kind,
        String title,
        Territory territory,
        Period period,
        Lifecycle status,
        LocalDate seenOn,
        LocalDate draftedOn,
        LocalDate inForceOn,
        LocalDate terminatedOn,
        String terminationReason,
        List<ConventionView.PartyView> parties,
        List<String> axes,
        List<ConventionView.AvenantView> avenants,
        Deadline avenantDeadline,
        List<Funding> funding,
        List<Matching> matching,
        List<IntegratedDocument> integratedDocuments,
        long version) {

    /** The avenant deadline as seen on the day: its state, and the dates it was extended from. */
    public record Deadline(LocalDate date, DeadlineState state, LocalDate initialDate,
                           List<ConventionView.DeadlineExtension> extensions, Integer fulfilledByAvenant,
                           LocalDate fulfilledOn, LocalDate missedOn) {
    }

    /** What a party committed for a year, against its ceiling when one is set. */
    public record Funding(String party, int year, Euros committed, Euros ceiling, Euros remaining) {
    }

    /** Whether the matcher committed at least ratio × what the funder committed that year (R8). */
    public record Matching(int year, String funder, String matcher, BigDecimal ratio, Euros funderCommitted,
                           Euros matcherCommitted, Euros required, Euros shortfall, boolean matched) {
    }

    public static ConventionDetails of(ConventionView view, LocalDate seenOn) {
        var terms = view.terms();
        var status = view.status();
        var deadline = view.avenantDeadline();
        return new ConventionDetails(view.conventionId(), terms.kind(), terms.title(), terms.territory(),
                view.period(), view.lifecycleOn(seenOn), seenOn, status.draftedOn(), status.inForceOn(),
                status.terminatedOn(), status.terminationReason(), view.parties(), terms.axes(), view.avenants(),
                deadline == null ? null : new Deadline(deadline.date(), deadline.stateOn(seenOn),
                        deadline.initialDate(), deadline.extensions(), deadline.fulfilledByAvenant(),
                        deadline.fulfilledOn(), deadline.missedOn()),
                funding(view.funds()), matching(view.funds()), terms.integratedDocuments(), view.version());
    }

    private static List<Funding> funding(ConventionView.Funds funds) {
        Map<String, Euros> committed = funds.commitments().stream()
                .collect(Collectors.toMap(total -> total.party() + "/" + total.year(),
                        ConventionView.CommittedTotal::amount));
        Map<String, Euros> ceilings = funds.ceilings().stream()
                .collect(Collectors.toMap(ceiling -> ceiling.party() + "/" + ceiling.year(), ceiling -> ceiling.amount()));
        TreeSet<String> keys = new TreeSet<>(committed.keySet());
        keys.addAll(ceilings.keySet());
        List<Funding> lines = new ArrayList<>();
        for (String key : keys) {
            String party = key.substring(0, key.lastIndexOf('/'));
            int year = Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
            Euros sum = committed.getOrDefault(key, Euros.ZERO);
            Euros ceiling = ceilings.get(key);
            lines.add(new Funding(party, year, sum, ceiling, ceiling == null ? null : ceiling.minus(sum)));
        }
        lines.sort((a, b) -> a.year() != b.year() ? Integer.compare(a.year(), b.year()) : a.party().compareTo(b.party()));
        return lines;
    }

    private static List<Matching> matching(ConventionView.Funds funds) {
        TreeSet<Integer> years = funds.commitments().stream().map(ConventionView.CommittedTotal::year)
                .collect(Collectors.toCollection(TreeSet::new));
        List<Matching> lines = new ArrayList<>();
        for (int year : years) {
            for (var rule : funds.matching()) {
                Euros funder = committed(funds, rule.funder(), year);
                Euros matcher = committed(funds, rule.matcher(), year);
                Euros required = new Euros(rule.ratio().multiply(funder.amount()).setScale(2, RoundingMode.HALF_UP));
                Euros shortfall = required.exceeds(matcher) ? required.minus(matcher) : Euros.ZERO;
                lines.add(new Matching(year, rule.funder(), rule.matcher(), rule.ratio(), funder, matcher, required,
                        shortfall, !required.exceeds(matcher)));
            }
        }
        return lines;
    }

    private static Euros committed(ConventionView.Funds funds, String party, int year) {
        return funds.commitments().stream().filter(total -> total.party().equals(party) && total.year() == year)
                .map(ConventionView.CommittedTotal::amount).findFirst().orElse(Euros.ZERO);
    }
}
