package fr.gouv.conventions.api.problems;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.gouv.conventions.api.idempotency.IdempotencyKeyReused;
import fr.gouv.conventions.core.model.ConventionRefused;
import fr.gouv.conventions.core.model.RefusalCode;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.gouv.conventions.api.problems.ProblemWriter.problem;

/**
 * Turns every refusal met by Spring MVC into an RFC 9457 problem answer, in one place: a {@code code} member (the
 * domain's refusal code, or VALIDATION_FAILED, NOT_FOUND, ...), the facts behind a domain refusal, the field errors
 * of malformed input, and the request's correlation id. {@link ProblemWriter} completes and writes them.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** Refusals due to where the convention stands, rather than to what the command says. */
    private static final Set<RefusalCode> CONFLICTS = EnumSet.of(RefusalCode.ALREADY_SIGNED,
            RefusalCode.CONVENTION_TERMINATED, RefusalCode.NOT_IN_FORCE, RefusalCode.NO_OPEN_DEADLINE);

    private final ProblemWriter problems;

    ProblemResponses(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ConventionRefused.class)
    ResponseEntity<Object> refused(ConventionRefused refusal, WebRequest request) {
        HttpStatus status = CONFLICTS.contains(refusal.code()) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = problem(status, refusal.code().name(), refusal.getMessage());
        problem.setProperty("conventionId", refusal.conventionId());
        problem.setProperty("facts", refusal.facts());
        return respond(problem, request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> unknownConvention(AggregateNotFoundException notFound, WebRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "NOT_FOUND",
                "There is no convention " + notFound.getAggregateIdentifier()), request);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<Object> alreadyExists(AggregateStreamCreationException exists, WebRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "ALREADY_EXISTS",
                "A convention with this id already exists; choose another id or leave it to the server"), request);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> staleVersion(ConflictingAggregateVersionException stale, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "VERSION_MISMATCH",
                "Convention " + stale.getAggregateIdentifier() + " is at version " + stale.getActualVersion()
                        + ", not " + stale.getExpectedVersion() + ": read it again before deciding");
        problem.setProperty("expectedVersion", stale.getExpectedVersion());
        problem.setProperty("actualVersion", stale.getActualVersion());
        return respond(problem, request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyException concurrent, WebRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "CONFLICT",
                "The convention kept changing while this command was handled; send it again"), request);
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<Object> keyReused(IdempotencyKeyReused reused, WebRequest request) {
        return respond(problem(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED", reused.getMessage()), request);
    }

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<Object> invalidParameter(InvalidParameter invalid, WebRequest request) {
        return respond(validationFailed("A request header or parameter is invalid",
                List.of(new FieldProblem(invalid.parameter, invalid.getMessage()))), request);
    }

    @ExceptionHandler(NoRebuildYet.class)
    ResponseEntity<Object> noRebuild(NoRebuildYet none, WebRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "NOT_FOUND", none.getMessage()), request);
    }

    @ExceptionHandler(UnknownConvention.class)
    ResponseEntity<Object> unknown(UnknownConvention unknown, WebRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "NOT_FOUND", unknown.getMessage()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException mismatch, WebRequest request) {
        Class<?> type = mismatch.getRequiredType();
        String expected = type != null && type.isEnum() ? "must be one of " + List.of(type.getEnumConstants())
                : "must be a valid " + simpleType(type);
        return respond(validationFailed("A request parameter is invalid",
                List.of(new FieldProblem(mismatch.getName(), expected))), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure, WebRequest request) {
        log.error("Unexpected failure on {}", ((ServletWebRequest) request).getRequest().getRequestURI(), failure);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "The service failed to handle this request; nothing was stored. The correlation id identifies it in the logs"),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : invalid.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        invalid.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return respond(validationFailed("The request body is invalid", errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        invalid.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors body) {
                body.getFieldErrors().forEach(error -> errors.add(new FieldProblem(error.getField(),
                        error.getDefaultMessage())));
                body.getGlobalErrors().forEach(error -> errors.add(new FieldProblem(error.getObjectName(),
                        error.getDefaultMessage())));
            } else {
                String name = parameterName(result.getMethodParameter());
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(new FieldProblem(name, error.getDefaultMessage()));
                }
            }
        });
        return respond(validationFailed("The request is invalid", errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return respond(tooLarge.problem(), request);
            }
        }
        Throwable cause = unreadable.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return respond(validationFailed("The request body has a field this command does not know",
                    List.of(new FieldProblem(path(unknown), "is not a known field"))), request);
        }
        if (cause instanceof InvalidFormatException invalid) {
            String expected = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "must be one of " + List.of(invalid.getTargetType().getEnumConstants())
                    : "must be a valid " + simpleType(invalid.getTargetType());
            return respond(validationFailed("A field of the request body has the wrong format",
                    List.of(new FieldProblem(path(invalid), expected))), request);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return respond(validationFailed("A field of the request body has the wrong type",
                    List.of(new FieldProblem(path(mapping), "has the wrong type or shape"))), request);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                "The request body is missing or is not well-formed JSON");
        return respond(problem, request);
    }

    /** Every other exception Spring MVC knows (405, 406, 415, 404 on unknown paths, ...) gets a code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(failure, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", codeFor(failure, status));
            ProblemWriter.addCorrelationId(problem, ((ServletWebRequest) request).getRequest());
        }
        return answer;
    }

    private static String codeFor(Exception failure, HttpStatusCode status) {
        if (failure instanceof ErrorResponse && status.value() == 404) {
            return "NOT_FOUND";
        }
        return switch (status.value()) {
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 400 -> "VALIDATION_FAILED";
            default -> HttpStatus.valueOf(status.value()).name();
        };
    }

    private static ProblemDetail validationFailed(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, WebRequest request) {
        return problems.answer(((ServletWebRequest) request).getRequest(), problem);
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return Map.of(java.time.LocalDate.class, "date (YYYY-MM-DD)", java.time.Instant.class,
                "instant (such as 2026-11-22T10:00:00Z)", Integer.class, "whole number", int.class, "whole number",
                String.class, "string").getOrDefault(type, type.getSimpleName());
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        var header = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
        if (header != null) {
            return header.name();
        }
        return parameter.getParameterName();
    }

    /** One malformed field: where it is, and what is wrong with it. */
    record FieldProblem(String field, String reason) {
    }
}
