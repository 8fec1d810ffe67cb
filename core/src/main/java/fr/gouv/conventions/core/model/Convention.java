package fr.gouv.conventions.core.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import fr.gouv.conventions.core.command.CommitFunds;
import fr.gouv.conventions.core.command.DraftConvention;
import fr.gouv.conventions.core.command.ExtendAvenantDeadline;
import fr.gouv.conventions.core.command.SignAvenant;
import fr.gouv.conventions.core.command.SignConvention;
import fr.gouv.conventions.core.command.TerminateConvention;
import fr.gouv.conventions.core.event.AvenantDeadlineExtended;
import fr.gouv.conventions.core.event.AvenantDeadlineFulfilled;
import fr.gouv.conventions.core.event.AvenantDeadlineMissed;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionEnteredIntoForce;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.event.ConventionTerminated;
import fr.gouv.conventions.core.event.FundsCommitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A convention between the State and local authorities, from its draft to its termination: the command
 * handlers check rules R1–R9, apply events and answer the new version of the stream; the event-sourcing
 * handlers only change state.
 * Fields are visible to Jackson so that snapshots hold the whole state.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Convention {

    @AggregateIdentifier
    private String id;
    private Period period;
    private Map<String, Party> parties = new LinkedHashMap<>();
    private Set<String> signedBy = new HashSet<>();
    private LocalDate latestSignature;
    private List<String> axes = new ArrayList<>();
    private LocalDate inForceOn;
    private int avenantCount;
    private LocalDate lastAvenantSignedOn;
    private AvenantDeadline avenantDeadline;
    private CeilingPolicy ceilings;
    private LocalDate terminatedOn;

    protected Convention() {
        // for Axon and Jackson
    }

    @CommandHandler
    public Convention(DraftConvention command, Clock clock, DeadlineManager deadlines) {
        DraftPolicy.check(command);
        BusinessDates.requireNotInFuture(command.conventionId(), command.draftedOn(), clock);
        apply(new ConventionDrafted(command.conventionId(), command.kind(), command.title(), command.territory(),
                command.period(), command.parties(), command.axes(), command.avenantDeadline(), command.ceilings(),
                command.matching(), command.integratedDocuments(), command.draftedOn()));
        if (command.avenantDeadline() != null) {
            AvenantDeadline.open(command.avenantDeadline()).schedule(command.conventionId(), clock, deadlines);
        }
    }

    @CommandHandler
    public long handle(SignConvention command, Clock clock) {
        refuseIfTerminated();
        Required.present(id, "party", command.party());
        Required.present(id, "signatory", command.signatory());
        Required.present(id, "signedOn", command.signedOn());
        requireParty(command.party());
        requireNotInFuture(command.signedOn(), clock);
        if (signedBy.contains(command.party())) {
            throw new ConventionRefused(RefusalCode.ALREADY_SIGNED, id,
                    "Party " + command.party() + " has already signed convention " + id,
                    Map.of("party", command.party()));
        }
        apply(new ConventionSigned(id, command.party(), command.signatory(), command.signedOn()));
        if (signedBy.containsAll(parties.keySet())) {
            apply(new ConventionEnteredIntoForce(id, latestSignature));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(SignAvenant command, Clock clock, DeadlineManager deadlines) {
        requireInForce();
        Required.present(id, "kind", command.kind());
        Required.present(id, "signedOn", command.signedOn());
        Required.present(id, "summary", command.summary());
        requireNotInFuture(command.signedOn(), clock);
        requireNotBeforeEntryIntoForce(command.signedOn());
        if (lastAvenantSignedOn != null && command.signedOn().isBefore(lastAvenantSignedOn)) {
            throw new ConventionRefused(RefusalCode.AVENANT_OUT_OF_ORDER, id,
                    "Avenant " + (avenantCount + 1) + " cannot be signed on " + command.signedOn()
                            + ", before avenant " + avenantCount + " signed on " + lastAvenantSignedOn,
                    Map.of("signedOn", command.signedOn(), "previousAvenantSignedOn", lastAvenantSignedOn));
        }
        LocalDate newEndDate = AvenantPolicy.checkedNewEndDate(id, command, period, ceilings);
        if (command.kind() == AvenantKind.FINANCIER && avenantDeadline != null) {
            avenantDeadline.checkFinancialAvenantOnTime(id, command.signedOn());
        }
        checkCommitments(command.commitments(), newEndDate == null ? period : period.endingOn(newEndDate));

        int number = avenantCount + 1;
        apply(new AvenantSigned(id, number, command.kind(), command.signedOn(), command.summary(),
                newEndDate == null ? null : period.to(), newEndDate));
        for (AvenantCommitment line : command.commitments()) {
            apply(new FundsCommitted(id, line.party(), line.year(), line.amount(), line.axis(), line.action(),
                    command.signedOn(), number));
        }
        if (command.kind() == AvenantKind.FINANCIER && avenantDeadline != null
                && avenantDeadline.isFulfilledBy(command.signedOn())) {
            apply(new AvenantDeadlineFulfilled(id, avenantDeadline.date(), number, command.signedOn()));
            deadlines.cancelAllWithinScope(AvenantDeadlineDue.DEADLINE_NAME);
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(ExtendAvenantDeadline command, Clock clock, DeadlineManager deadlines) {
        refuseIfTerminated();
        Required.present(id, "newDeadline", command.newDeadline());
        Required.present(id, "reason", command.reason());
        Required.present(id, "decidedOn", command.decidedOn());
        requireNotInFuture(command.decidedOn(), clock);
        if (avenantDeadline == null) {
            throw new ConventionRefused(RefusalCode.NO_OPEN_DEADLINE, id,
                    "Convention " + id + " has no avenant deadline to extend");
        }
        avenantDeadline.checkExtendableTo(id, command.newDeadline());
        apply(new AvenantDeadlineExtended(id, avenantDeadline.date(), command.newDeadline(), command.reason(),
                command.decidedOn()));
        deadlines.cancelAllWithinScope(AvenantDeadlineDue.DEADLINE_NAME);
        avenantDeadline.schedule(id, clock, deadlines);
        return getVersion();
    }

    @CommandHandler
    public long handle(CommitFunds command, Clock clock) {
        requireInForce();
        Required.present(id, "party", command.party());
        Required.present(id, "amount", command.amount());
        Required.present(id, "committedOn", command.committedOn());
        requireNotInFuture(command.committedOn(), clock);
        requireNotBeforeEntryIntoForce(command.committedOn());
        checkCommitments(List.of(new AvenantCommitment(command.party(), command.year(), command.amount(),
                command.axis(), command.action())), period);
        apply(new FundsCommitted(id, command.party(), command.year(), command.amount(), command.axis(),
                command.action(), command.committedOn(), null));
        return getVersion();
    }

    @CommandHandler
    public long handle(TerminateConvention command, Clock clock, DeadlineManager deadlines) {
        refuseIfTerminated();
        Required.present(id, "terminatedOn", command.terminatedOn());
        Required.present(id, "reason", command.reason());
        requireNotInFuture(command.terminatedOn(), clock);
        apply(new ConventionTerminated(id, command.terminatedOn(), command.reason()));
        deadlines.cancelAllWithinScope(AvenantDeadlineDue.DEADLINE_NAME);
        return getVersion();
    }

    /** R6: the deadline passed on the wall clock; a stale schedule (the deadline moved or was met) does nothing. */
    @DeadlineHandler(deadlineName = AvenantDeadlineDue.DEADLINE_NAME)
    public void on(AvenantDeadlineDue due) {
        if (terminatedOn == null && avenantDeadline != null && avenantDeadline.isOpen()
                && avenantDeadline.date().equals(due.deadline())) {
            apply(new AvenantDeadlineMissed(id, due.deadline(), due.deadline().plusDays(1)));
        }
    }

    /** Checks commitments one after the other, so that lines of one avenant count against the same ceiling. */
    private void checkCommitments(Collection<AvenantCommitment> lines, Period within) {
        CeilingPolicy running = ceilings;
        for (AvenantCommitment line : lines) {
            Required.present(id, "commitments.amount", line.amount());
            requireParty(line.party());
            CommitmentLine.check(id, line, within, axes);
            running.checkWithinCeiling(id, line.party(), line.year(), line.amount());
            running = running.withCommitment(line.party(), line.year(), line.amount());
        }
    }

    private void refuseIfTerminated() {
        if (terminatedOn != null) {
            throw new ConventionRefused(RefusalCode.CONVENTION_TERMINATED, id,
                    "Convention " + id + " was terminated on " + terminatedOn + "; its history stays readable",
                    Map.of("terminatedOn", terminatedOn));
        }
    }

    private void requireInForce() {
        refuseIfTerminated();
        if (inForceOn == null) {
            throw new ConventionRefused(RefusalCode.NOT_IN_FORCE, id,
                    "Convention " + id + " is not in force yet: it still awaits the signature of "
                            + unsignedParties(), Map.of("awaitingSignatureOf", unsignedParties()));
        }
    }

    private void requireParty(String party) {
        if (!parties.containsKey(party)) {
            throw new ConventionRefused(RefusalCode.NOT_A_PARTY, id,
                    party + " is not a party to convention " + id + "; its parties are " + parties.keySet(),
                    Map.of("party", String.valueOf(party), "parties", List.copyOf(parties.keySet())));
        }
    }

    private void requireNotInFuture(LocalDate date, Clock clock) {
        BusinessDates.requireNotInFuture(id, date, clock);
    }

    private void requireNotBeforeEntryIntoForce(LocalDate date) {
        if (date.isBefore(inForceOn)) {
            throw new ConventionRefused(RefusalCode.DATE_BEFORE_ENTRY_INTO_FORCE, id,
                    "The date " + date + " comes before the entry into force of convention " + id + " on " + inForceOn,
                    Map.of("date", date, "inForceOn", inForceOn));
        }
    }

    private List<String> unsignedParties() {
        return parties.keySet().stream().filter(party -> !signedBy.contains(party)).toList();
    }

    @EventSourcingHandler
    void on(ConventionDrafted event) {
        id = event.conventionId();
        period = event.period();
        event.parties().forEach(party -> parties.put(party.id(), party));
        axes = new ArrayList<>(event.axes());
        avenantDeadline = event.avenantDeadline() == null ? null : AvenantDeadline.open(event.avenantDeadline());
        ceilings = CeilingPolicy.of(event.ceilings());
    }

    @EventSourcingHandler
    void on(ConventionSigned event) {
        signedBy.add(event.party());
        if (latestSignature == null || event.signedOn().isAfter(latestSignature)) {
            latestSignature = event.signedOn();
        }
    }

    @EventSourcingHandler
    void on(ConventionEnteredIntoForce event) {
        inForceOn = event.inForceOn();
    }

    @EventSourcingHandler
    void on(AvenantSigned event) {
        avenantCount = event.number();
        lastAvenantSignedOn = event.signedOn();
        if (event.newEndDate() != null) {
            period = period.endingOn(event.newEndDate());
        }
    }

    @EventSourcingHandler
    void on(FundsCommitted event) {
        ceilings = ceilings.withCommitment(event.party(), event.year(), event.amount());
    }

    @EventSourcingHandler
    void on(AvenantDeadlineFulfilled event) {
        avenantDeadline = avenantDeadline.fulfilled();
    }

    @EventSourcingHandler
    void on(AvenantDeadlineExtended event) {
        avenantDeadline = avenantDeadline.extendedTo(event.newDeadline());
    }

    @EventSourcingHandler
    void on(AvenantDeadlineMissed event) {
        avenantDeadline = avenantDeadline.missed();
    }

    @EventSourcingHandler
    void on(ConventionTerminated event) {
        terminatedOn = event.terminatedOn();
    }
}
