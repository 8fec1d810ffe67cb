package fr.gouv.conventions.api.commands;

import fr.gouv.conventions.api.contract.ValidationPatterns;
import fr.gouv.conventions.core.command.DraftConvention;
import fr.gouv.conventions.core.model.Ceiling;
import fr.gouv.conventions.core.model.ConventionKind;
import fr.gouv.conventions.core.model.Euros;
import fr.gouv.conventions.core.model.IntegratedDocument;
import fr.gouv.conventions.core.model.MatchingRule;
import fr.gouv.conventions.core.model.Party;
import fr.gouv.conventions.core.model.PartyRole;
import fr.gouv.conventions.core.model.Period;
import fr.gouv.conventions.core.model.Territory;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /api/conventions}: a draft, as rule R1 describes it. */
@Schema(description = "A convention to draft (R1)")
record DraftRequest(
        @Schema(description = "Chosen by the client, or assigned by the server when absent", example = "bassin-minier-2019")
        @Pattern(regexp = ValidationPatterns.CONVENTION_ID) String id,
        @Schema(example = "DECLINAISON_RENFORCEE") @NotNull ConventionKind kind,
        @Schema(example = "Convention de déclinaison renforcée sur le territoire du bassin minier")
        @NotBlank @Size(max = 300) @Pattern(regexp = ValidationPatterns.TEXT, message = ValidationPatterns.TEXT_MESSAGE) String title,
        @NotNull @Valid TerritoryBody territory,
        @NotNull @Valid PeriodBody period,
        @NotNull @Size(min = 2, max = 30) List<@NotNull @Valid PartyBody> parties,
        @Schema(example = "[\"INSERTION_EMPLOI\", \"PREVENTION\"]")
        @NotEmpty @Size(max = 30) List<@NotNull @Pattern(regexp = ValidationPatterns.AXIS) String> axes,
        @Schema(description = "A financial avenant must be signed on or before this date (R4)", example = "2019-03-31")
        LocalDate avenantDeadline,
        @Size(max = 300) List<@NotNull @Valid CeilingBody> ceilings,
        @Size(max = 100) List<@NotNull @Valid MatchingBody> matching,
        @Size(max = 50) List<@NotNull @Valid DocumentBody> integratedDocuments,
        @Schema(description = "The business date of the draft; today when absent", example = "2019-07-01")
        LocalDate draftedOn) {

    @Schema(description = "Where the convention applies")
    record TerritoryBody(
            @Schema(example = "Bassin minier Nord – Pas-de-Calais") @NotBlank @Size(max = 200) @Pattern(regexp = ValidationPatterns.TEXT, message = ValidationPatterns.TEXT_MESSAGE) String name,
            @Schema(example = "[\"59\", \"62\"]")
            @NotEmpty @Size(max = 110) List<@NotNull @Pattern(regexp = ValidationPatterns.DEPARTEMENT) String> departements) {
    }

    @Schema(description = "The dates the convention runs between, both included")
    record PeriodBody(@Schema(example = "2019-07-10") @NotNull LocalDate from,
                      @Schema(example = "2021-12-31") @NotNull LocalDate to) {
    }

    @Schema(description = "An authority that signs the convention")
    record PartyBody(
            @Schema(example = "cd-62") @NotNull @Pattern(regexp = ValidationPatterns.PARTY_ID) String id,
            @Schema(example = "DEPARTEMENT") @NotNull PartyRole role,
            @Schema(example = "Département du Pas-de-Calais") @NotBlank @Size(max = 200) @Pattern(regexp = ValidationPatterns.TEXT, message = ValidationPatterns.TEXT_MESSAGE) String name,
            @Schema(example = "Jean-Claude Leroy") @NotBlank @Size(max = 200) @Pattern(regexp = ValidationPatterns.TEXT, message = ValidationPatterns.TEXT_MESSAGE) String representative) {
    }

    @Schema(description = "The most a party may commit for one year (R7)")
    record CeilingBody(
            @Schema(example = "prefet-region") @NotNull @Pattern(regexp = ValidationPatterns.PARTY_ID) String party,
            @Schema(example = "2020") @NotNull @Min(1900) @Max(2200) Integer year,
            @Schema(example = "1000000.00") @NotNull
            @Pattern(regexp = ValidationPatterns.AMOUNT, message = ValidationPatterns.AMOUNT_MESSAGE) String amount) {
    }

    @Schema(description = "Each year the matcher commits at least ratio × what the funder commits (R8)")
    record MatchingBody(
            @Schema(example = "prefet-region") @NotNull @Pattern(regexp = ValidationPatterns.PARTY_ID) String funder,
            @Schema(example = "cd-62") @NotNull @Pattern(regexp = ValidationPatterns.PARTY_ID) String matcher,
            @Schema(example = "0.5") @NotNull @Pattern(regexp = ValidationPatterns.RATIO) String ratio) {
    }

    @Schema(description = "A document that is an integral part of the convention")
    record DocumentBody(
            @Schema(example = "Protocole d'engagement pour le renouveau du bassin minier")
            @NotBlank @Size(max = 300) @Pattern(regexp = ValidationPatterns.TEXT, message = ValidationPatterns.TEXT_MESSAGE) String title,
            @Schema(example = "2018-11-09") @NotNull LocalDate signedOn) {
    }

    DraftConvention toCommand(String conventionId, LocalDate today) {
        return new DraftConvention(conventionId, kind, title,
                new Territory(territory.name(), territory.departements()),
                new Period(period.from(), period.to()),
                parties.stream().map(p -> new Party(p.id(), p.role(), p.name(), p.representative())).toList(),
                axes, avenantDeadline,
                ceilings == null ? List.of() : ceilings.stream()
                        .map(c -> new Ceiling(c.party(), c.year(), Euros.of(c.amount()))).toList(),
                matching == null ? List.of() : matching.stream()
                        .map(m -> new MatchingRule(m.funder(), m.matcher(), new BigDecimal(m.ratio()))).toList(),
                integratedDocuments == null ? List.of() : integratedDocuments.stream()
                        .map(d -> new IntegratedDocument(d.title(), d.signedOn())).toList(),
                draftedOn == null ? today : draftedOn);
    }
}
