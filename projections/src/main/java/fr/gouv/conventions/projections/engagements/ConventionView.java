package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.core.event.AvenantDeadlineExtended;
import fr.gouv.conventions.core.event.AvenantDeadlineFulfilled;
import fr.gouv.conventions.core.event.AvenantDeadlineMissed;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionEnteredIntoForce;
import fr.gouv.conventions.core.event.ConventionEvent;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.event.ConventionTerminated;
import fr.gouv.conventions.core.event.FundsCommitted;
import fr.gouv.conventions.core.model.AvenantKind;
import fr.gouv.conventions.core.model.Ceiling;
import fr.gouv.conventions.core.model.ConventionKind;
import fr.gouv.conventions.core.model.Euros;
import fr.gouv.conventions.core.model.IntegratedDocument;
import fr.gouv.conventions.core.model.MatchingRule;
import fr.gouv.conventions.core.model.PartyRole;
import fr.gouv.conventions.core.model.Period;
import fr.gouv.conventions.core.model.Territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A convention as its events tell it: folded one event after the other, by the projection that keeps the current
 * engagements and by the replays of past states. Immutable; each event gives a new view.
 *
 * @param commitments the sum each party committed for each year, by year then party (the lines stay in
 *                    convention_commitments)
 * @param version     the sequence number of the last event folded in
 */
public record ConventionView(
        String conventionId,
        ConventionKind kind,
        String title,
        Territory territory,
        Period period,
        Lifecycle lifecycle,
        LocalDate draftedOn,
        LocalDate inForceOn,
        LocalDate terminatedOn,
        String terminationReason,
        List<PartyView> parties,
        List<String> axes,
        List<AvenantView> avenants,
        DeadlineView avenantDeadline,
        List<Ceiling> ceilings,
        List<CommittedTotal> commitments,
        List<MatchingRule> matching,
        List<IntegratedDocument> integratedDocuments,
        long version) {

    private static final Comparator<CommittedTotal> TOTALS_ORDER =
            Comparator.comparingInt(CommittedTotal::year).thenComparing(CommittedTotal::party);

    /** A party, and its signature once it has signed. */
    public record PartyView(String id, PartyRole role, String name, String representative, String signatory,
                            LocalDate signedOn) {
    }

    /** An avenant; the end dates are set when it moved the end of the convention. */
    public record AvenantView(int number, AvenantKind kind, LocalDate signedOn, String summary,
                              LocalDate previousEndDate, LocalDate newEndDate) {
    }

    /**
     * The avenant deadline: its current date, the date first set, every extension, and how it ended.
     *
     * @param state OPEN, FULFILLED or MISSED as recorded; OVERDUE is derived when it is seen on a later day
     */
    public record DeadlineView(LocalDate date, LocalDate initialDate, DeadlineState state,
                               List<DeadlineExtension> extensions, Integer fulfilledByAvenant,
                               LocalDate fulfilledOn, LocalDate missedOn) {

        /** The state on a given day: an open deadline whose day has passed is overdue. */
        public DeadlineState stateOn(LocalDate day) {
            return state == DeadlineState.OPEN && day.isAfter(date) ? DeadlineState.OVERDUE : state;
        }
    }

    /** One extension of the avenant deadline (R5): both dates stay in history. */
    public record DeadlineExtension(LocalDate previousDeadline, LocalDate newDeadline, String reason,
                                    LocalDate decidedOn) {
    }

    /** What a party has committed for a year, all commitments added up. */
    public record CommittedTotal(String party, int year, Euros amount) {
    }

    /** The view of a convention just drafted. */
    public static ConventionView drafted(ConventionDrafted event, long version) {
        List<PartyView> parties = event.parties().stream()
                .map(party -> new PartyView(party.id(), party.role(), party.name(), party.representative(), null, null))
                .toList();
        DeadlineView deadline = event.avenantDeadline() == null ? null
                : new DeadlineView(event.avenantDeadline(), event.avenantDeadline(), DeadlineState.OPEN, List.of(),
                null, null, null);
        return new ConventionView(event.conventionId(), event.kind(), event.title(), event.territory(),
                event.period(), Lifecycle.DRAFT, event.draftedOn(), null, null, null, parties, event.axes(),
                List.of(), deadline, event.ceilings(), List.of(), event.matching(), event.integratedDocuments(),
                version);
    }

    /** Folds one more event of this convention in. */
    public ConventionView apply(ConventionEvent event, long nextVersion) {
        if (event instanceof ConventionSigned signed) {
            return withSignature(signed, nextVersion);
        } else if (event instanceof ConventionEnteredIntoForce inForce) {
            return with(Lifecycle.IN_FORCE, inForce.inForceOn(), terminatedOn, terminationReason, nextVersion);
        } else if (event instanceof AvenantSigned avenant) {
            return withAvenant(avenant, nextVersion);
        } else if (event instanceof FundsCommitted funds) {
            return withCommitment(funds, nextVersion);
        } else if (event instanceof AvenantDeadlineFulfilled fulfilled) {
            return withDeadline(new DeadlineView(avenantDeadline.date(), avenantDeadline.initialDate(),
                    DeadlineState.FULFILLED, avenantDeadline.extensions(), fulfilled.avenantNumber(),
                    fulfilled.fulfilledOn(), avenantDeadline.missedOn()), nextVersion);
        } else if (event instanceof AvenantDeadlineExtended extended) {
            return withDeadline(new DeadlineView(extended.newDeadline(), avenantDeadline.initialDate(),
                    DeadlineState.OPEN, append(avenantDeadline.extensions(), new DeadlineExtension(
                    extended.previousDeadline(), extended.newDeadline(), extended.reason(), extended.decidedOn())),
                    null, null, null), nextVersion);
        } else if (event instanceof AvenantDeadlineMissed missed) {
            return withDeadline(new DeadlineView(avenantDeadline.date(), avenantDeadline.initialDate(),
                    DeadlineState.MISSED, avenantDeadline.extensions(), null, null, missed.missedOn()), nextVersion);
        } else if (event instanceof ConventionTerminated terminated) {
            return with(Lifecycle.TERMINATED, inForceOn, terminated.terminatedOn(), terminated.reason(), nextVersion);
        } else if (event instanceof ConventionDrafted) {
            throw new IllegalStateException("Convention " + conventionId + " cannot be drafted twice");
        } else {
            throw new IllegalArgumentException("Unknown event " + event.getClass().getName());
        }
    }

    /**
     * This view as the read model keeps it: without its avenants, which are rows of their own
     * ({@code convention_avenants}), so that the document rewritten at each event does not grow with every avenant
     * signed (BENCHMARKS.md#document-without-avenants). A fold needs no earlier avenant: each is numbered by its event.
     */
    public ConventionView withoutAvenants() {
        if (avenants.isEmpty()) {
            return this;
        }
        return new ConventionView(conventionId, kind, title, territory, period, lifecycle, draftedOn, inForceOn,
                terminatedOn, terminationReason, parties, axes, List.of(), avenantDeadline, ceilings, commitments,
                matching, integratedDocuments, version);
    }

    /** The lifecycle on a given day: a convention in force is expired once its end date has passed. */
    public Lifecycle lifecycleOn(LocalDate day) {
        return lifecycle == Lifecycle.IN_FORCE && day.isAfter(period.to()) ? Lifecycle.EXPIRED : lifecycle;
    }

    private ConventionView withSignature(ConventionSigned signed, long nextVersion) {
        List<PartyView> signedParties = parties.stream()
                .map(party -> party.id().equals(signed.party())
                        ? new PartyView(party.id(), party.role(), party.name(), party.representative(),
                        signed.signatory(), signed.signedOn())
                        : party)
                .toList();
        Lifecycle next = lifecycle == Lifecycle.DRAFT ? Lifecycle.PARTIALLY_SIGNED : lifecycle;
        return new ConventionView(conventionId, kind, title, territory, period, next, draftedOn, inForceOn,
                terminatedOn, terminationReason, signedParties, axes, avenants, avenantDeadline, ceilings,
                commitments, matching, integratedDocuments, nextVersion);
    }

    private ConventionView withAvenant(AvenantSigned avenant, long nextVersion) {
        Period nextPeriod = avenant.newEndDate() == null ? period : period.endingOn(avenant.newEndDate());
        return new ConventionView(conventionId, kind, title, territory, nextPeriod, lifecycle, draftedOn, inForceOn,
                terminatedOn, terminationReason, parties, axes,
                append(avenants, new AvenantView(avenant.number(), avenant.kind(), avenant.signedOn(),
                        avenant.summary(), avenant.previousEndDate(), avenant.newEndDate())),
                avenantDeadline, ceilings, commitments, matching, integratedDocuments, nextVersion);
    }

    private ConventionView withCommitment(FundsCommitted funds, long nextVersion) {
        List<CommittedTotal> totals = new ArrayList<>(commitments.size() + 1);
        boolean added = false;
        for (CommittedTotal total : commitments) {
            if (total.party().equals(funds.party()) && total.year() == funds.year()) {
                totals.add(new CommittedTotal(total.party(), total.year(), total.amount().plus(funds.amount())));
                added = true;
            } else {
                totals.add(total);
            }
        }
        if (!added) {
            // Only a new total can change the order: one added to keeps its place.
            totals.add(new CommittedTotal(funds.party(), funds.year(), funds.amount()));
            totals.sort(TOTALS_ORDER);
        }
        return new ConventionView(conventionId, kind, title, territory, period, lifecycle, draftedOn, inForceOn,
                terminatedOn, terminationReason, parties, axes, avenants, avenantDeadline, ceilings,
                Collections.unmodifiableList(totals), matching, integratedDocuments, nextVersion);
    }

    private ConventionView withDeadline(DeadlineView deadline, long nextVersion) {
        return new ConventionView(conventionId, kind, title, territory, period, lifecycle, draftedOn, inForceOn,
                terminatedOn, terminationReason, parties, axes, avenants, deadline, ceilings, commitments, matching,
                integratedDocuments, nextVersion);
    }

    private ConventionView with(Lifecycle nextLifecycle, LocalDate nextInForceOn, LocalDate nextTerminatedOn,
                                String nextTerminationReason, long nextVersion) {
        return new ConventionView(conventionId, kind, title, territory, period, nextLifecycle, draftedOn,
                nextInForceOn, nextTerminatedOn, nextTerminationReason, parties, axes, avenants, avenantDeadline,
                ceilings, commitments, matching, integratedDocuments, nextVersion);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> next = new ArrayList<>(list);
        next.add(element);
        return List.copyOf(next);
    }
}
