package fr.gouv.conventions.api.queries;

import fr.gouv.conventions.api.contract.ValidationPatterns;
import fr.gouv.conventions.api.problems.InvalidParameter;
import fr.gouv.conventions.api.problems.UnknownConvention;
import fr.gouv.conventions.projections.Page;
import fr.gouv.conventions.projections.audit.AuditTrail;
import fr.gouv.conventions.projections.audit.AuditedEvent;
import fr.gouv.conventions.projections.audit.ChainVerification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** What auditors read: every stored event with who, when and why, and the proof that none was altered. */
@RestController
@Tag(name = "Audit", description = "The stored history, for auditors only")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
class AuditController {

    private final AuditTrail trail;
    private final ChainVerification verification;

    AuditController(AuditTrail trail, ChainVerification verification) {
        this.trail = trail;
        this.verification = verification;
    }

    @GetMapping(path = "/api/conventions/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every event of a convention, in order, with who, when recorded, business date, correlation id")
    List<AuditedEvent> history(@PathVariable @Pattern(regexp = ValidationPatterns.CONVENTION_ID) String id) {
        List<AuditedEvent> history = trail.history(id);
        if (history.isEmpty()) {
            throw new UnknownConvention(id);
        }
        return history;
    }

    @GetMapping(path = "/api/audit/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "All events recorded in [from, to), by an actor, of a convention; in storage order, paged")
    Page<AuditedEvent> events(
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(min = 1, max = 255) String actor,
            @RequestParam(required = false) @Pattern(regexp = ValidationPatterns.CONVENTION_ID) String conventionId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidParameter("to", "must come after from");
        }
        return trail.events(from, to, actor, conventionId, page, size);
    }

    @GetMapping(path = "/api/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check every convention's hash chain; names the first event altered, removed or reordered")
    ChainVerification.Report verify() {
        return verification.verify();
    }
}
