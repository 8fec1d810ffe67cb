package fr.gouv.conventions.api.queries;

import fr.gouv.conventions.api.contract.ValidationPatterns;
import fr.gouv.conventions.api.problems.InvalidParameter;
import fr.gouv.conventions.api.problems.UnknownConvention;
import fr.gouv.conventions.core.model.ConventionKind;
import fr.gouv.conventions.projections.Page;
import fr.gouv.conventions.projections.engagements.ConventionDetails;
import fr.gouv.conventions.projections.engagements.ConventionQueries;
import fr.gouv.conventions.projections.engagements.ConventionSummary;
import fr.gouv.conventions.projections.engagements.ConventionView;
import fr.gouv.conventions.projections.engagements.Lifecycle;
import fr.gouv.conventions.projections.engagements.PastStates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The current engagements, and any convention as it stood on a past date or as it was known at a past moment. */
@RestController
@RequestMapping(path = "/api/conventions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Engagements", description = "Conventions as they stand, for every role")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
class ConventionQueryController {

    private final ConventionQueries queries;
    private final PastStates pastStates;
    private final Clock clock;

    ConventionQueryController(ConventionQueries queries, PastStates pastStates, Clock clock) {
        this.queries = queries;
        this.pastStates = pastStates;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List conventions, filtered by status, département and kind, by id, a page at a time")
    Page<ConventionSummary> list(
            @RequestParam(required = false) Lifecycle status,
            @RequestParam(required = false) @Pattern(regexp = ValidationPatterns.DEPARTEMENT) String departement,
            @RequestParam(required = false) ConventionKind kind,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.list(status == null ? null : status.name(), departement, kind == null ? null : kind.name(),
                page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One convention now, as of a business date (asOf), or as recorded at an instant (asKnownAt)")
    ConventionDetails one(
            @PathVariable @Pattern(regexp = ValidationPatterns.CONVENTION_ID) String id,
            @Parameter(description = "A business date: the convention as it stood that day, replayed from its events",
                    example = "2019-03-01")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "An instant: the convention as the service knew it then, replayed from its events",
                    example = "2026-11-22T10:00:00Z")
            @RequestParam(required = false) Instant asKnownAt) {
        if (asOf != null && asKnownAt != null) {
            throw new InvalidParameter("asOf", "give asOf or asKnownAt, not both");
        }
        Optional<ConventionView> view;
        LocalDate seenOn;
        if (asOf != null) {
            view = pastStates.asOf(id, asOf);
            seenOn = asOf;
        } else if (asKnownAt != null) {
            view = pastStates.asKnownAt(id, asKnownAt);
            seenOn = LocalDate.ofInstant(asKnownAt, clock.getZone());
        } else {
            view = queries.find(id);
            seenOn = LocalDate.now(clock);
        }
        return ConventionDetails.of(view.orElseThrow(() -> new UnknownConvention(id)), seenOn);
    }
}
