package fr.gouv.conventions.core.model;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.gouv.conventions.core.model.ConventionTesting.euros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The named rule of R7: a party's commitments for a year stay within its ceiling for that year, where one is set. */
class CeilingPolicyTest {

    private static final String ID = "bassin-minier-2019";
    private static final CeilingPolicy STATE_2020 =
            CeilingPolicy.of(List.of(new Ceiling("prefet-region", 2020, euros("1000000.00"))));

    @Test
    void withoutCeilingAnyAmountIsWithinIt() {
        assertThatCode(() -> STATE_2020.checkWithinCeiling(ID, "cd-59", 2020, euros("99999999.99")))
                .doesNotThrowAnyException();
        assertThatCode(() -> STATE_2020.checkWithinCeiling(ID, "prefet-region", 2021, euros("99999999.99")))
                .doesNotThrowAnyException();
        assertThat(STATE_2020.ceiling("prefet-region", 2021)).isEmpty();
    }

    @Test
    void theWholeCeilingMayBeCommitted() {
        assertThatCode(() -> STATE_2020.checkWithinCeiling(ID, "prefet-region", 2020, euros("1000000.00")))
                .doesNotThrowAnyException();
    }

    @Test
    void oneCentOverTheCeilingIsRefusedNamingWhatRemains() {
        assertThatThrownBy(() -> STATE_2020.checkWithinCeiling(ID, "prefet-region", 2020, euros("1000000.01")))
                .isInstanceOfSatisfying(ConventionRefused.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(RefusalCode.CEILING_EXCEEDED);
                    assertThat(refusal.conventionId()).isEqualTo(ID);
                    assertThat(refusal.facts()).containsEntry("remaining", euros("1000000.00"))
                            .containsEntry("ceiling", euros("1000000.00"))
                            .containsEntry("committed", euros("0.00"))
                            .containsEntry("requested", euros("1000000.01"));
                    assertThat(refusal.getMessage()).contains("1000000.00 € remain");
                });
    }

    @Test
    void commitmentsAddUpAgainstTheCeiling() {
        CeilingPolicy afterTwo = STATE_2020.withCommitment("prefet-region", 2020, euros("500000.00"))
                .withCommitment("prefet-region", 2020, euros("300000.00"));

        assertThat(afterTwo.committed("prefet-region", 2020)).isEqualTo(euros("800000.00"));
        assertThatCode(() -> afterTwo.checkWithinCeiling(ID, "prefet-region", 2020, euros("200000.00")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> afterTwo.checkWithinCeiling(ID, "prefet-region", 2020, euros("200000.01")))
                .isInstanceOfSatisfying(ConventionRefused.class, refusal ->
                        assertThat(refusal.facts()).containsEntry("remaining", euros("200000.00")));
    }

    @Test
    void commitmentsAreCountedPerPartyAndYear() {
        CeilingPolicy policy = STATE_2020.withCommitment("prefet-region", 2021, euros("900000.00"))
                .withCommitment("cd-59", 2020, euros("900000.00"));

        assertThat(policy.committed("prefet-region", 2020)).isEqualTo(euros("0.00"));
        assertThatCode(() -> policy.checkWithinCeiling(ID, "prefet-region", 2020, euros("1000000.00")))
                .doesNotThrowAnyException();
    }

    @Test
    void addingACommitmentLeavesThePolicyItCameFromUnchanged() {
        STATE_2020.withCommitment("prefet-region", 2020, euros("1000000.00"));

        assertThat(STATE_2020.committed("prefet-region", 2020)).isEqualTo(euros("0.00"));
    }

    @Test
    void thePolicyKeepsItsOwnCopyOfTheMapsItIsGiven() {
        Map<Integer, Euros> years = new HashMap<>(Map.of(2020, euros("1000000.00")));
        Map<String, Map<Integer, Euros>> ceilings = new HashMap<>(Map.of("prefet-region", years));
        CeilingPolicy policy = new CeilingPolicy(ceilings, Map.of());

        years.put(2020, euros("1.00"));

        assertThat(policy.ceiling("prefet-region", 2020)).contains(euros("1000000.00"));
    }
}
