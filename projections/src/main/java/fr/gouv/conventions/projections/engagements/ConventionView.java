package fr.gouv.conventions.projections.engagements;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
 * engagements and by the replays of past states. Immutable; each event gives a new view, in which only the part the
 * event is about is new: its terms, its status, its parties, its avenants, its avenant deadline or its funds.
 * <p>
 * The parts are unwrapped in the stored JSON document, which keeps the flat shape documents had before the view
 * was split: documents already stored read back as they are.
 *
 * @param period  the period, whose end prolongation avenants move
 * @param version the sequence number of the last event folded in
 */
public record ConventionView(
        String conventionId,
        @JsonUnwrapped Terms terms,
        Period period,
        @JsonUnwrapped Status status,
        List<PartyView> parties,
        List<AvenantView> avenants,
        DeadlineView avenantDeadline,
        @JsonUnwrapped Funds funds,
        long version) {

    /** What the draft set and no later event changes. */
    public record Terms(ConventionKind kind, String title, Territory territory, List<String> axes,
                        List<IntegratedDocument> integratedDocuments) {
    }

    /** Where the convention stands in its lifecycle, and the dates it got there. */
    public record Status(Lifecycle lifecycle, LocalDate draftedOn, LocalDate inForceOn, LocalDate terminatedOn,
                         String terminationReason) {

        Status signed() {
            return lifecycle == Lifecycle.DRAFT
                    ? new Status(Lifecycle.PARTIALLY_SIGNED, draftedOn, inForceOn, terminatedOn, terminationReason)
                    : this;
        }

        Status inForce(ConventionEnteredIntoForce inForce) {
            return new Status(Lifecycle.IN_FORCE, draftedOn, inForce.inForceOn(), terminatedOn, terminationReason);
        }

        Status terminated(ConventionTerminated terminated) {
            return new Status(Lifecycle.TERMINATED, draftedOn, inForceOn, terminated.terminatedOn(),
                    terminated.reason());
        }
    }

    /**
     * The funds: the annual ceilings and matching rules the draft set, and what each party committed.
     *
     * @param commitments the sum each party committed for each year, by year then party (the lines stay in
     *                    convention_commitments)
     */
    public record Funds(List<Ceiling> ceilings, List<CommittedTotal> commitments, List<MatchingRule> matching) {

        private static final Comparator<CommittedTotal> TOTALS_ORDER =
                Comparator.comparingInt(CommittedTotal::year).thenComparing(CommittedTotal::party);

        Funds committed(FundsCommitted funds) {
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
            return new Funds(ceilings, Collections.unmodifiableList(totals), matching);
        }
    }

    /** What a party has committed for a year, all commitments added up. */
    public record CommittedTotal(String party, int year, Euros amount) {
    }

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

        DeadlineView fulfilled(AvenantDeadlineFulfilled fulfilled) {
            return new DeadlineView(date, initialDate, DeadlineState.FULFILLED, extensions, fulfilled.avenantNumber(),
                    fulfilled.fulfilledOn(), missedOn);
        }

        DeadlineView extended(AvenantDeadlineExtended extended) {
            return new DeadlineView(extended.newDeadline(), initialDate, DeadlineState.OPEN, append(extensions,
                    new DeadlineExtension(extended.previousDeadline(), extended.newDeadline(), extended.reason(),
                            extended.decidedOn())), null, null, null);
        }

        DeadlineView missed(AvenantDeadlineMissed missed) {
            return new DeadlineView(date, initialDate, DeadlineState.MISSED, extensions, null, null,
                    missed.missedOn());
        }
    }

    /** One extension of the avenant deadline (R5): both dates stay in history. */
    public record DeadlineExtension(LocalDate previousDeadline, LocalDate newDeadline, String reason,
                                    LocalDate decidedOn) {
    }

    /** The view of a convention just drafted. */
    public static ConventionView drafted(ConventionDrafted event, long version) {
        List<PartyView> parties = event.parties().stream()
                .map(party -> new PartyView(party.id(), party.role(), party.name(), party.representative(), null, null))
                .toList();
        DeadlineView deadline = event.avenantDeadline() == null ? null
                : new DeadlineView(event.avenantDeadline(), event.avenantDeadline(), DeadlineState.OPEN, List.of(),
                null, null, null);
        return new ConventionView(event.conventionId(),
                new Terms(event.kind(), event.title(), event.territory(), event.axes(), event.integratedDocuments()),
                event.period(), new Status(Lifecycle.DRAFT, event.draftedOn(), null, null, null), parties, List.of(),
                deadline, new Funds(event.ceilings(), List.of(), event.matching()), version);
    }

    /** Folds one more event of this convention in. */
    public ConventionView apply(ConventionEvent event, long nextVersion) {
        if (event instanceof ConventionSigned signed) {
            return new ConventionView(conventionId, terms, period, status.signed(), signedBy(signed), avenants,
                    avenantDeadline, funds, nextVersion);
        } else if (event instanceof ConventionEnteredIntoForce inForce) {
            return withStatus(status.inForce(inForce), nextVersion);
        } else if (event instanceof AvenantSigned avenant) {
            return withAvenant(avenant, nextVersion);
        } else if (event instanceof FundsCommitted committed) {
            return new ConventionView(conventionId, terms, period, status, parties, avenants, avenantDeadline,
                    funds.committed(committed), nextVersion);
        } else if (event instanceof AvenantDeadlineFulfilled fulfilled) {
            return withDeadline(avenantDeadline.fulfilled(fulfilled), nextVersion);
        } else if (event instanceof AvenantDeadlineExtended extended) {
            return withDeadline(avenantDeadline.extended(extended), nextVersion);
        } else if (event instanceof AvenantDeadlineMissed missed) {
            return withDeadline(avenantDeadline.missed(missed), nextVersion);
        } else if (event instanceof ConventionTerminated terminated) {
            return withStatus(status.terminated(terminated), nextVersion);
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
        return new ConventionView(conventionId, terms, period, status, parties, List.of(), avenantDeadline, funds,
                version);
    }

    /** The lifecycle on a given day: a convention in force is expired once its end date has passed. */
    public Lifecycle lifecycleOn(LocalDate day) {
        Lifecycle lifecycle = status.lifecycle();
        return lifecycle == Lifecycle.IN_FORCE && day.isAfter(period.to()) ? Lifecycle.EXPIRED : lifecycle;
    }

    private List<PartyView> signedBy(ConventionSigned signed) {
        return parties.stream()
                .map(party -> party.id().equals(signed.party())
                        ? new PartyView(party.id(), party.role(), party.name(), party.representative(),
                        signed.signatory(), signed.signedOn())
                        : party)
                .toList();
    }

    private ConventionView withAvenant(AvenantSigned avenant, long nextVersion) {
        Period nextPeriod = avenant.newEndDate() == null ? period : period.endingOn(avenant.newEndDate());
        return new ConventionView(conventionId, terms, nextPeriod, status, parties,
                append(avenants, new AvenantView(avenant.number(), avenant.kind(), avenant.signedOn(),
                        avenant.summary(), avenant.previousEndDate(), avenant.newEndDate())),
                avenantDeadline, funds, nextVersion);
    }

    private ConventionView withStatus(Status nextStatus, long nextVersion) {
        return new ConventionView(conventionId, terms, period, nextStatus, parties, avenants, avenantDeadline, funds,
                nextVersion);
    }

    private ConventionView withDeadline(DeadlineView deadline, long nextVersion) {
        return new ConventionView(conventionId, terms, period, status, parties, avenants, deadline, funds,
                nextVersion);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> next = new ArrayList<>(list);
        next.add(element);
        return List.copyOf(next);
    }
}
