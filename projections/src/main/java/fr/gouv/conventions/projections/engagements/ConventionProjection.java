package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.core.event.AvenantDeadlineExtended;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionEvent;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.event.FundsCommitted;
import org.springframework.stereotype.Component;

/**
 * Folds each event into the read model of current engagements: the convention's view, and the rows reporting
 * tools query. An event already folded in (a replay that overlaps the live stream) changes nothing.
 */
@Component
public class ConventionProjection {

    public void apply(ReadModelBatch batch, ConventionEvent event, long sequenceNumber) {
        var current = batch.view(event.conventionId());
        if (current.isPresent() && sequenceNumber <= current.get().version()) {
            return;
        }
        String id = event.conventionId();
        ConventionView view;
        if (event instanceof ConventionDrafted drafted) {
            view = ConventionView.drafted(drafted, sequenceNumber);
            view.parties().forEach(party -> batch.partyChanged(id, party));
            drafted.ceilings().forEach(ceiling -> batch.appended.ceiling(id, ceiling));
            drafted.matching().forEach(rule -> batch.appended.matchingRule(id, rule));
        } else {
            view = current.orElseThrow(() -> new IllegalStateException(
                    "Event " + sequenceNumber + " of convention " + id + " comes before its draft")).apply(event,
                    sequenceNumber);
            if (event instanceof ConventionSigned signed) {
                view.parties().stream().filter(party -> party.id().equals(signed.party()))
                        .forEach(party -> batch.partyChanged(id, party));
            } else if (event instanceof AvenantSigned signed) {
                batch.appended.avenant(id, view.avenants().get(view.avenants().size() - 1));
            } else if (event instanceof AvenantDeadlineExtended) {
                var extensions = view.avenantDeadline().extensions();
                batch.appended.extension(id, sequenceNumber, extensions.get(extensions.size() - 1));
            } else if (event instanceof FundsCommitted funds) {
                batch.appended.commitment(id, sequenceNumber, funds.party(), funds.year(), funds.amount().amount(),
                        funds.axis(), funds.action(), funds.committedOn(), funds.avenantNumber());
            }
        }
        batch.put(view.withoutAvenants());
    }
}
