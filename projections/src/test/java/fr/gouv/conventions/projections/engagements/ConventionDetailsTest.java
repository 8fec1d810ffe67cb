package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionEnteredIntoForce;
import fr.gouv.conventions.core.event.FundsCommitted;
import fr.gouv.conventions.core.model.Ceiling;
import fr.gouv.conventions.core.model.ConventionKind;
import fr.gouv.conventions.core.model.Euros;
import fr.gouv.conventions.core.model.MatchingRule;
import fr.gouv.conventions.core.model.Party;
import fr.gouv.conventions.core.model.PartyRole;
import fr.gouv.conventions.core.model.Period;
import fr.gouv.conventions.core.model.Territory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The funding and matching of the bassin minier convention, as shown (R7, R8). */
class ConventionDetailsTest {

    private static final String ID = "bassin-minier-2019";
    private static final LocalDate SIGNED = LocalDate.of(2019, 7, 10);

    private static ConventionView bassinMinier() {
        return ConventionView.drafted(new ConventionDrafted(ID, ConventionKind.DECLINAISON_RENFORCEE, "Bassin minier",
                new Territory("Bassin minier", List.of("59", "62")), new Period(SIGNED, LocalDate.of(2021, 12, 31)),
                List.of(new Party("prefet-region", PartyRole.ETAT, "Préfet de région", "Préfet"),
                        new Party("cd-59", PartyRole.DEPARTEMENT, "Nord", "Président"),
                        new Party("cd-62", PartyRole.DEPARTEMENT, "Pas-de-Calais", "Jean-Claude Leroy")),
                List.of("INSERTION_EMPLOI"), null, List.of(new Ceiling("prefet-region", 2020, Euros.of("1000000.00"))),
                List.of(new MatchingRule("prefet-region", "cd-59", new BigDecimal("0.5")),
                        new MatchingRule("prefet-region", "cd-62", new BigDecimal("0.5"))),
                List.of(), LocalDate.of(2019, 7, 1)), 0)
                .apply(new ConventionEnteredIntoForce(ID, SIGNED), 1)
                .apply(new FundsCommitted(ID, "prefet-region", 2020, Euros.of("1000000.00"), null, null,
                        LocalDate.of(2020, 1, 15), null), 2)
                .apply(new FundsCommitted(ID, "cd-59", 2020, Euros.of("500000.00"), null, null,
                        LocalDate.of(2020, 1, 15), null), 3)
                .apply(new FundsCommitted(ID, "cd-62", 2020, Euros.of("499999.99"), null, null,
                        LocalDate.of(2020, 1, 15), null), 4);
    }

    @Test
    void fundingShowsWhatEachPartyCommittedAgainstItsCeiling() {
        ConventionDetails details = ConventionDetails.of(bassinMinier(), LocalDate.of(2020, 2, 1));

        assertThat(details.funding()).containsExactly(
                new ConventionDetails.Funding("cd-59", 2020, Euros.of("500000.00"), null, null),
                new ConventionDetails.Funding("cd-62", 2020, Euros.of("499999.99"), null, null),
                new ConventionDetails.Funding("prefet-region", 2020, Euros.of("1000000.00"),
                        Euros.of("1000000.00"), Euros.of("0.00")));
    }

    @Test
    void matchingShowsEachYearMatchedOrItsShortfallToTheCent() {
        ConventionDetails details = ConventionDetails.of(bassinMinier(), LocalDate.of(2020, 2, 1));

        assertThat(details.matching()).extracting(ConventionDetails.Matching::matcher,
                        ConventionDetails.Matching::matched, ConventionDetails.Matching::shortfall)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cd-59", true, Euros.of("0.00")),
                        org.assertj.core.groups.Tuple.tuple("cd-62", false, Euros.of("0.01")));
        assertThat(details.matching().get(1).required()).isEqualTo(Euros.of("500000.00"));
    }

    @Test
    void theStatusIsTheOneOfTheDaySeenOn() {
        assertThat(ConventionDetails.of(bassinMinier(), LocalDate.of(2020, 2, 1)).status()).isEqualTo(Lifecycle.IN_FORCE);
        assertThat(ConventionDetails.of(bassinMinier(), LocalDate.of(2022, 1, 1)).status()).isEqualTo(Lifecycle.EXPIRED);
    }
}
