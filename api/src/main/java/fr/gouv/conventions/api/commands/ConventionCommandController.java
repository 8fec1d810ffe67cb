package fr.gouv.conventions.api.commands;

import fr.gouv.conventions.api.axon.commandhandling.CommandOutcome;
import fr.gouv.conventions.api.contract.ValidationPatterns;
import fr.gouv.conventions.api.correlation.CorrelationIdFilter;
import fr.gouv.conventions.api.problems.InvalidParameter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

/** The administrators' commands on conventions (rules R1–R9), each answered with the new stream version. */
@RestController
@RequestMapping(path = "/api/conventions", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands", description = "What administrators decide; every accepted command becomes events")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "400", description = "Malformed input: the field errors say what and why")
@ApiResponse(responseCode = "401", description = "Not authenticated")
@ApiResponse(responseCode = "403", description = "Not an administrator")
@ApiResponse(responseCode = "409", description = "Refused by the convention's state (ALREADY_SIGNED, CONVENTION_TERMINATED, ...)")
@ApiResponse(responseCode = "422", description = "Refused by a rule (AVENANT_DEADLINE_PASSED, CEILING_EXCEEDED, ...)")
class ConventionCommandController {

    private static final Pattern CONVENTION_ID = Pattern.compile(ValidationPatterns.CONVENTION_ID);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile(ValidationPatterns.IDEMPOTENCY_KEY);

    private final CommandSender sender;
    private final Clock clock;
    private final ObjectMapper json;

    ConventionCommandController(CommandSender sender, Clock clock, ObjectMapper json) {
        this.sender = sender;
        this.clock = clock;
        this.json = json;
    }

    @PostMapping
    @Operation(summary = "Draft a convention (R1)")
    @ApiResponse(responseCode = "201", description = "Drafted; Location names it, ETag is its version")
    ResponseEntity<CommandAnswer> draft(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "bassin minier, 10 July 2019", value = RealHistoryExamples.BASSIN_MINIER_DRAFT)))
            @Valid @RequestBody DraftRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication who, HttpServletRequest request) {
        CommandSender.CommandContext context = context(who, request, null, null, idempotencyKey, body);
        String id = body.id() != null ? body.id() : UUID.randomUUID().toString();
        return answer(sender.send(body.toCommand(id, today()), context));
    }

    @PostMapping("/{id}/signatures")
    @Operation(summary = "Record a party's signature (R2)")
    @ApiResponse(responseCode = "200", description = "Signed; the last signature puts the convention in force")
    ResponseEntity<CommandAnswer> sign(
            @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "Pas-de-Calais, Arras, 18 December 2018", value = RealHistoryExamples.PAS_DE_CALAIS_SIGNATURE)))
            @Valid @RequestBody SignatureRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication who, HttpServletRequest request) {
        CommandSender.CommandContext context = context(who, request, id, ifMatch, idempotencyKey, body);
        return answer(sender.send(body.toCommand(id), context));
    }

    @PostMapping("/{id}/avenants")
    @Operation(summary = "Record an avenant (R3, R4)")
    @ApiResponse(responseCode = "200", description = "Signed; a financial avenant on time fulfils the deadline")
    ResponseEntity<CommandAnswer> signAvenant(
            @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "Pas-de-Calais financial avenant, due by 31 March 2019",
                    value = RealHistoryExamples.PAS_DE_CALAIS_FINANCIAL_AVENANT)))
            @Valid @RequestBody AvenantRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication who, HttpServletRequest request) {
        CommandSender.CommandContext context = context(who, request, id, ifMatch, idempotencyKey, body);
        return answer(sender.send(body.toCommand(id), context));
    }

    @PostMapping("/{id}/deadline-extensions")
    @Operation(summary = "Extend the open avenant deadline (R5)")
    @ApiResponse(responseCode = "200", description = "Extended; the old and new dates stay in history")
    ResponseEntity<CommandAnswer> extendDeadline(
            @PathVariable String id,
            @Valid @RequestBody DeadlineExtensionRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication who, HttpServletRequest request) {
        CommandSender.CommandContext context = context(who, request, id, ifMatch, idempotencyKey, body);
        return answer(sender.send(body.toCommand(id, today()), context));
    }

    @PostMapping("/{id}/commitments")
    @Operation(summary = "Record funds committed by a party for a year (R7)")
    @ApiResponse(responseCode = "200", description = "Committed")
    ResponseEntity<CommandAnswer> commit(
            @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "Département du Nord, 2020", value = RealHistoryExamples.BASSIN_MINIER_COMMITMENT)))
            @Valid @RequestBody CommitmentRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication who, HttpServletRequest request) {
        CommandSender.CommandContext context = context(who, request, id, ifMatch, idempotencyKey, body);
        return answer(sender.send(body.toCommand(id), context));
    }

    @PostMapping("/{id}/termination")
    @Operation(summary = "Terminate a convention (R9)")
    @ApiResponse(responseCode = "200", description = "Terminated; every later command is refused")
    ResponseEntity<CommandAnswer> terminate(
            @PathVariable String id,
            @Valid @RequestBody TerminationRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication who, HttpServletRequest request) {
        CommandSender.CommandContext context = context(who, request, id, ifMatch, idempotencyKey, body);
        return answer(sender.send(body.toCommand(id), context));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Who sends the command, and, with an idempotency key, the request as canonical JSON, to tell a retry from
     * another request ({@code pathId} is null for a draft, whose id is in its body). The convention id of the path and the idempotency key are checked here rather than by
     * constraint annotations on the parameters: those make Spring MVC validate the whole method, which validated
     * each request body a second time (5 % of the service's CPU, see BENCHMARKS.md#one-validation-per-body).
     */
    private CommandSender.CommandContext context(Authentication who, HttpServletRequest request, String pathId,
                                                 String ifMatch, String idempotencyKey, Object body) {
        if (pathId != null && !CONVENTION_ID.matcher(pathId).matches()) {
            throw new InvalidParameter("id", "must match \"" + ValidationPatterns.CONVENTION_ID + "\"");
        }
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidParameter("Idempotency-Key", "must match \"" + ValidationPatterns.IDEMPOTENCY_KEY + "\"");
        }
        try {
            return new CommandSender.CommandContext(who.getName(), CorrelationIdFilter.of(request),
                    EntityTags.expectedVersion(ifMatch), idempotencyKey, idempotencyKey == null ? null
                    : request.getRequestURI() + "\n" + json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A request body read from JSON can be written as JSON", e);
        }
    }

    private static ResponseEntity<CommandAnswer> answer(CommandOutcome outcome) {
        var body = new CommandAnswer(outcome.conventionId(), outcome.version());
        var response = outcome.created()
                ? ResponseEntity.created(URI.create("/api/conventions/" + outcome.conventionId()))
                : ResponseEntity.ok();
        return response.eTag(EntityTags.of(outcome.version())).body(body);
    }
}
