package fr.gouv.conventions.core.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.gouv.conventions.core.command.CommitFunds;
import fr.gouv.conventions.core.command.DraftConvention;
import fr.gouv.conventions.core.command.SignAvenant;
import fr.gouv.conventions.core.command.SignConvention;
import fr.gouv.conventions.core.event.AvenantDeadlineFulfilled;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionEnteredIntoForce;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.event.FundsCommitted;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The two conventions of the source documents, as drafts, signatures and the events they lead to: the
 * engagement convention of the Pas-de-Calais (Arras, 18 Dec 2018) and the bassin minier convention (10 Jul 2019).
 * The commands are the bodies of the catalogue in {@code examples/real-history/} (the one the HTTP tests, the
 * published contract and {@code examples/real-history.sh} send), read into core's records.
 */
final class RealHistory {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    // The engagement convention State – Département du Pas-de-Calais, signed in Arras.

    private static final DraftConvention PAS_DE_CALAIS_DRAFT =
            read("pas-de-calais-draft", null, DraftConvention.class);
    static final String PAS_DE_CALAIS = PAS_DE_CALAIS_DRAFT.conventionId();
    static final LocalDate SIGNED_IN_ARRAS = prefet62SignsInArras().signedOn();
    static final LocalDate PAS_DE_CALAIS_AVENANT_DEADLINE = PAS_DE_CALAIS_DRAFT.avenantDeadline();
    static final List<String> PAS_DE_CALAIS_AXES = PAS_DE_CALAIS_DRAFT.axes();
    static final String SORTIE_ASE = "SORTIE_ASE";
    static final Party PREFET_62 = PAS_DE_CALAIS_DRAFT.parties().get(0);
    static final Party CD_62 = PAS_DE_CALAIS_DRAFT.parties().get(1);

    static DraftConvention draftPasDeCalais() {
        return PAS_DE_CALAIS_DRAFT;
    }

    static ConventionDrafted pasDeCalaisDrafted() {
        return drafted(draftPasDeCalais());
    }

    static SignConvention prefet62SignsInArras() {
        return read("pas-de-calais-signed-by-prefet", PAS_DE_CALAIS, SignConvention.class);
    }

    static SignConvention cd62SignsInArras() {
        return read("pas-de-calais-signed-by-departement", PAS_DE_CALAIS, SignConvention.class);
    }

    /** Drafted, signed by both parties on 18 Dec 2018, in force that day. */
    static List<Object> pasDeCalaisInForce() {
        List<Object> events = new ArrayList<>();
        events.add(pasDeCalaisDrafted());
        List.of(prefet62SignsInArras(), cd62SignsInArras()).forEach(signature -> events.add(signed(signature)));
        events.add(new ConventionEnteredIntoForce(PAS_DE_CALAIS, SIGNED_IN_ARRAS));
        return events;
    }

    /** The financial avenant that sets the departmental actions and both parties' commitments for 2019. */
    static SignAvenant pasDeCalaisFinancialAvenant(LocalDate signedOn) {
        SignAvenant avenant = read("pas-de-calais-financial-avenant", PAS_DE_CALAIS, SignAvenant.class);
        return new SignAvenant(PAS_DE_CALAIS, avenant.kind(), signedOn, avenant.summary(), avenant.newEndDate(),
                avenant.commitments());
    }

    // The documents do not give the amounts of the financial avenant; the catalogue's are illustrative.
    static final Euros PAS_DE_CALAIS_STATE_2019 = pasDeCalaisFinancialAvenant(SIGNED_IN_ARRAS).commitments().get(0)
            .amount();
    static final Euros PAS_DE_CALAIS_DEPARTEMENT_2019 = pasDeCalaisFinancialAvenant(SIGNED_IN_ARRAS).commitments()
            .get(1).amount();

    /** In force, then the financial avenant signed on the deadline day, which fulfilled the deadline. */
    static List<Object> pasDeCalaisAfterFinancialAvenant() {
        List<Object> events = new ArrayList<>(pasDeCalaisInForce());
        SignAvenant avenant = pasDeCalaisFinancialAvenant(PAS_DE_CALAIS_AVENANT_DEADLINE);
        events.add(new AvenantSigned(PAS_DE_CALAIS, 1, AvenantKind.FINANCIER, avenant.signedOn(), avenant.summary(),
                null, null));
        avenant.commitments().forEach(line -> events.add(new FundsCommitted(PAS_DE_CALAIS, line.party(),
                line.year(), line.amount(), line.axis(), line.action(), avenant.signedOn(), 1)));
        events.add(new AvenantDeadlineFulfilled(PAS_DE_CALAIS, PAS_DE_CALAIS_AVENANT_DEADLINE, 1,
                avenant.signedOn()));
        return events;
    }

    // The convention de déclinaison renforcée sur le territoire du bassin minier, as the HTTP contract drafts it.

    private static final DraftConvention BASSIN_MINIER_DRAFT =
            read("bassin-minier-draft", null, DraftConvention.class);
    static final String BASSIN_MINIER = BASSIN_MINIER_DRAFT.conventionId();
    static final LocalDate SIGNED_IN_BASSIN_MINIER = BASSIN_MINIER_DRAFT.period().from();
    static final Party PREFET_REGION = BASSIN_MINIER_DRAFT.parties().get(0);
    static final Party CD_59 = BASSIN_MINIER_DRAFT.parties().get(2);
    static final IntegratedDocument ERBM_PROTOCOL = BASSIN_MINIER_DRAFT.integratedDocuments().get(0);
    static final Euros STATE_CEILING_2020 = BASSIN_MINIER_DRAFT.ceilings().get(0).amount();
    static final Euros PER_DEPARTEMENT = read("bassin-minier-2020-nord", BASSIN_MINIER, CommitFunds.class).amount();

    static DraftConvention draftBassinMinier() {
        return BASSIN_MINIER_DRAFT;
    }

    static ConventionDrafted bassinMinierDrafted() {
        return drafted(draftBassinMinier());
    }

    /** The four signatures of 10 Jul 2019, in the order the parties are named. */
    static List<SignConvention> bassinMinierSignatures() {
        return BASSIN_MINIER_DRAFT.parties().stream()
                .map(party -> read("bassin-minier-signed-by-" + party.id(), BASSIN_MINIER, SignConvention.class))
                .toList();
    }

    /** Drafted, signed by its four parties on 10 Jul 2019, in force that day. */
    static List<Object> bassinMinierInForce() {
        List<Object> events = new ArrayList<>();
        events.add(bassinMinierDrafted());
        bassinMinierSignatures().forEach(signature -> events.add(signed(signature)));
        events.add(new ConventionEnteredIntoForce(BASSIN_MINIER, SIGNED_IN_BASSIN_MINIER));
        return events;
    }

    static CommitFunds bassinMinierCommitment(String party, Euros amount, String action) {
        return new CommitFunds(BASSIN_MINIER, party, 2020, amount, null, action, SIGNED_IN_BASSIN_MINIER);
    }

    static ConventionDrafted drafted(DraftConvention draft) {
        return new ConventionDrafted(draft.conventionId(), draft.kind(), draft.title(), draft.territory(),
                draft.period(), draft.parties(), draft.axes(), draft.avenantDeadline(), draft.ceilings(),
                draft.matching(), draft.integratedDocuments(), draft.draftedOn());
    }

    private static ConventionSigned signed(SignConvention signature) {
        return new ConventionSigned(signature.conventionId(), signature.party(), signature.signatory(),
                signature.signedOn());
    }

    /**
     * A body of the catalogue read into the command record of core it is the JSON of: its members are the record's
     * components, but for a draft's {@code id}, which is its {@code conventionId}; {@code conventionId} names the
     * convention of the other commands, whose bodies leave it to the path.
     */
    private static <C> C read(String name, String conventionId, Class<C> type) {
        String file = "/real-history/" + name + ".json";
        try (InputStream body = RealHistory.class.getResourceAsStream(file)) {
            if (body == null) {
                throw new IllegalStateException("no " + file + " in the catalogue");
            }
            ObjectNode command = (ObjectNode) JSON.readTree(body);
            command.set("conventionId", command.has("id") ? command.remove("id") : JSON.valueToTree(conventionId));
            return JSON.treeToValue(command, type);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    private RealHistory() {
    }
}
