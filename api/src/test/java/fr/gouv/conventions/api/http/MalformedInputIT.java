package fr.gouv.conventions.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.conventions.api.ServiceInstance;
import fr.gouv.conventions.api.fixture.Bodies;
import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.api.fixture.JsonBody;
import fr.gouv.conventions.api.fixture.Paths;
import fr.gouv.conventions.api.fixture.RunningService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static fr.gouv.conventions.api.fixture.Answers.assertAccepted;
import static fr.gouv.conventions.api.fixture.Answers.assertProblem;
import static fr.gouv.conventions.api.fixture.Answers.storingNothing;
import static fr.gouv.conventions.api.fixture.Bodies.deadlineExtension;
import static fr.gouv.conventions.api.fixture.Bodies.financialAvenant;
import static fr.gouv.conventions.api.fixture.Bodies.pasDeCalaisDraft;
import static fr.gouv.conventions.api.fixture.Bodies.pasDeCalaisDraftWithStateCeiling;
import static fr.gouv.conventions.api.fixture.Bodies.prefetSigns;
import static fr.gouv.conventions.api.fixture.Bodies.stateCommits;
import static fr.gouv.conventions.api.fixture.Bodies.termination;
import static fr.gouv.conventions.api.fixture.JsonBody.raw;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile input on every command endpoint: each is refused with its exact 4xx status, an
 * {@code application/problem+json} body with a {@code code}, the field at fault where the input was a field
 * error, and nothing stored. Never a 500.
 */
@RunningService
class MalformedInputIT {

    /** A convention in force, so that only the malformation can explain a refusal. */
    private static final String IN_FORCE = "malformed-pas-de-calais";
    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    static ServiceInstance service;
    static HttpApi api;

    @BeforeAll
    static void putAConventionInForce() {
        api.pasDeCalaisInForce(IN_FORCE);
    }

    /** One malformed request and how it must be refused; {@code field} is null where no field is at fault. */
    record Case(String description, Function<HttpApi, HttpApi.Request> request, int status, String code,
                String field) {
        @Override
        public String toString() {
            return description;
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedRequests")
    void malformedInputIsRefusedWithAProblemNamingWhatIsWrongAndStoresNothing(Case malformed) {
        HttpApi.Answer answer = storingNothing(service, () -> malformed.request().apply(api).send());

        assertProblem(answer, malformed.status(), malformed.code());
        if (malformed.field() != null) {
            assertThat(fieldsInError(answer)).as("field errors of %s", answer).contains(malformed.field());
        }
    }

    static List<Case> malformedRequests() {
        List<Case> cases = new ArrayList<>();
        String signatures = Paths.signatures(IN_FORCE);
        String avenants = Paths.avenants(IN_FORCE);
        String extensions = Paths.deadlineExtensions(IN_FORCE);
        String commitments = Paths.commitments(IN_FORCE);
        String termination = Paths.termination(IN_FORCE);
        JsonBody draft = pasDeCalaisDraftWithStateCeiling("malformed-draft");
        JsonBody signature = Bodies.signature("cd-59", "Président du conseil départemental du Nord", "2018-12-18");
        JsonBody commitment = stateCommits("1000.00");

        // Not JSON, or not the JSON of one object
        cases.add(malformedJson("draft: unterminated object", Paths.DRAFTS, "{\"id\": \"abc\","));
        cases.add(malformedJson("draft: empty body", Paths.DRAFTS, ""));
        cases.add(malformedJson("draft: a JSON array instead of an object", Paths.DRAFTS, "[" + draft + "]"));
        cases.add(malformedJson("draft: the JSON literal null", Paths.DRAFTS, "null"));
        cases.add(malformedJson("avenant: a JSON string instead of an object", avenants, "\"FINANCIER\""));
        cases.add(malformedJson("signature: a second object after the first", signatures, signature + " {}"));
        cases.add(malformedJson("signature: garbage after the object", signatures, signature + " xyz"));
        cases.add(malformedJson("commitment: form-encoded text sent as JSON", commitments,
                "party=prefet-62&year=2019&amount=1000.00"));
        cases.add(malformedJson("draft: arrays nested 5000 deep", Paths.DRAFTS, "[".repeat(5000) + "]".repeat(5000)));
        cases.add(malformedJson("termination: single quotes", termination,
                "{'terminatedOn': '2021-06-30', 'reason': 'fin'}"));
        cases.add(invalidRaw("signature: a raw NUL byte inside a string", signatures,
                "{\"party\":\"cd-59\",\"signatory\":\"a\u0000b\",\"signedOn\":\"2018-12-18\"}", "signatory"));
        cases.add(invalidRaw("signature: a raw control character inside a string", signatures,
                "{\"party\":\"cd-59\",\"signatory\":\"a\u0007\u001bb\",\"signedOn\":\"2018-12-18\"}", "signatory"));
        cases.add(invalidRaw("draft: objects nested 3000 deep in the title", Paths.DRAFTS,
                "{\"title\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001), "title"));

        // Unknown fields and wrong types
        cases.add(invalid("signature: an unknown field", signatures, signature.set("color", "blue"), "color"));
        cases.add(invalid("draft: an unknown nested field", Paths.DRAFTS, draft.set("territory/population", 1_460_000),
                "territory.population"));
        cases.add(invalid("commitment: a boolean year", commitments, commitment.set("year", true), "year"));
        cases.add(invalid("commitment: a year in words", commitments, commitment.set("year", "twenty"), "year"));
        cases.add(invalid("commitment: a year beyond any integer", commitments,
                commitment.set("year", raw("99999999999999999999")), "year"));
        cases.add(invalid("draft: parties as an object", Paths.DRAFTS,
                draft.set("parties", raw("{\"id\": \"prefet-62\"}")), "parties"));
        cases.add(invalid("draft: territory as a string", Paths.DRAFTS, draft.set("territory", "62"), "territory"));
        cases.add(invalid("draft: axes as a string", Paths.DRAFTS, draft.set("axes", "PREVENTION"), "axes"));
        cases.add(invalid("signature: signatory as an object", signatures, signature.set("signatory", raw("{}")),
                "signatory"));

        // Missing, blank and too long
        cases.add(invalid("signature: an empty object", signatures, JsonBody.of("{}"), "party"));
        cases.add(invalid("draft: no kind", Paths.DRAFTS, draft.remove("kind"), "kind"));
        cases.add(invalid("draft: no period", Paths.DRAFTS, draft.remove("period"), "period"));
        cases.add(invalid("draft: period without end", Paths.DRAFTS, draft.set("period/to", null), "period.to"));
        cases.add(invalid("draft: no axes", Paths.DRAFTS, draft.set("axes", raw("[]")), "axes"));
        cases.add(invalid("avenant: no signedOn", avenants, financialAvenant("2019-03-31").remove("signedOn"),
                "signedOn"));
        cases.add(invalid("deadline extension: no newDeadline", extensions,
                deadlineExtension("2019-06-30").remove("newDeadline"), "newDeadline"));
        cases.add(invalid("commitment: no committedOn", commitments, commitment.remove("committedOn"), "committedOn"));
        cases.add(invalid("termination: no reason", termination, termination("2021-06-30").remove("reason"),
                "reason"));
        cases.add(invalid("signature: a blank signatory", signatures, signature.set("signatory", "   "), "signatory"));
        cases.add(invalid("draft: an empty title", Paths.DRAFTS, draft.set("title", ""), "title"));
        cases.add(invalid("termination: a reason of tabs and newlines", termination,
                termination("2021-06-30").set("reason", "\t\n"), "reason"));
        cases.add(invalid("avenant: a summary of 2001 characters", avenants,
                financialAvenant("2019-03-31").set("summary", "a".repeat(2001)), "summary"));
        cases.add(invalid("draft: a title of 301 characters", Paths.DRAFTS, draft.set("title", "t".repeat(301)),
                "title"));
        cases.add(invalid("commitment: an action of 301 characters", commitments,
                commitment.set("action", "a".repeat(301)), "action"));

        // Convention ids in the body
        cases.add(invalid("draft: an id in capitals", Paths.DRAFTS, draft.set("id", "Bassin-Minier-2019"), "id"));
        cases.add(invalid("draft: an id with spaces", Paths.DRAFTS, draft.set("id", "bassin minier"), "id"));
        cases.add(invalid("draft: an id with a slash", Paths.DRAFTS, draft.set("id", "bassin/minier"), "id"));
        cases.add(invalid("draft: an id carrying SQL", Paths.DRAFTS,
                draft.set("id", "x'); drop table domainevententry; --"), "id"));
        cases.add(invalid("draft: an id climbing folders", Paths.DRAFTS, draft.set("id", "../../etc/passwd"), "id"));
        cases.add(invalid("draft: an id of 2 characters", Paths.DRAFTS, draft.set("id", "ab"), "id"));
        cases.add(invalid("draft: an id of 65 characters", Paths.DRAFTS, draft.set("id", "a".repeat(65)), "id"));
        cases.add(invalid("draft: a party id in capitals", Paths.DRAFTS, draft.set("parties/1/id", "CD-62"),
                "parties[1].id"));
        cases.add(invalid("commitment: a party id carrying SQL", commitments,
                commitment.set("party", "prefet-62' or '1'='1"), "party"));

        // Convention ids in the path
        cases.add(invalid("path: an id in capitals", Paths.signatures("PAS-DE-CALAIS-2018"), prefetSigns(), "id"));
        cases.add(invalid("path: an id carrying SQL", Paths.commitments("x'%20or%20'1'='1"), commitment, "id"));
        cases.add(invalid("path: an id with spaces", Paths.avenants("pas%20de%20calais"),
                financialAvenant("2019-03-31"), "id"));
        cases.add(invalid("path: an id of 65 characters", Paths.termination("a".repeat(65)),
                termination("2021-06-30"), "id"));
        cases.add(invalid("path: an id of 2 characters", Paths.deadlineExtensions("ab"),
                deadlineExtension("2019-06-30"), "id"));
        cases.add(invalid("path: an id with dots", Paths.signatures("pas.de.calais"), prefetSigns(), "id"));

        // Values outside their enumerations
        cases.add(invalid("draft: an unknown kind", Paths.DRAFTS, draft.set("kind", "CONTRAT"), "kind"));
        cases.add(invalid("draft: a kind in lower case", Paths.DRAFTS, draft.set("kind", "engagement"), "kind"));
        cases.add(invalid("draft: an unknown party role", Paths.DRAFTS, draft.set("parties/0/role", "MAIRE"),
                "parties[0].role"));
        cases.add(invalid("avenant: an unknown kind", avenants, financialAvenant("2019-03-31").set("kind", "FINANCIAL"),
                "kind"));
        cases.add(invalid("commitment: an axis in lower case", commitments, commitment.set("axis", "ase_sortie"),
                "axis"));

        // Dates
        cases.add(invalid("signature: 30 February", signatures, signature.set("signedOn", "2019-02-30"), "signedOn"));
        cases.add(invalid("signature: month 13", signatures, signature.set("signedOn", "2019-13-01"), "signedOn"));
        cases.add(invalid("signature: \"yesterday\"", signatures, signature.set("signedOn", "yesterday"), "signedOn"));
        cases.add(invalid("draft: a French date", Paths.DRAFTS, draft.set("period/from", "01/01/2019"), "period.from"));
        cases.add(invalid("termination: an empty date", termination, termination("2021-06-30").set("terminatedOn", ""),
                "terminatedOn"));

        // Amounts (R10: decimal strings in euros, at most 2 decimals, positive, under a thousand billion)
        cases.add(invalid("commitment: 3 decimals", commitments, commitment.set("amount", "500000.001"), "amount"));
        cases.add(invalid("commitment: a negative amount", commitments, commitment.set("amount", "-500.00"), "amount"));
        cases.add(invalid("commitment: an exponent", commitments, commitment.set("amount", "1e5"), "amount"));
        cases.add(invalid("commitment: a thousand billion euros", commitments,
                commitment.set("amount", "1000000000000.00"), "amount"));
        cases.add(invalid("commitment: French digit grouping", commitments, commitment.set("amount", "500 000,00"),
                "amount"));
        cases.add(invalid("commitment: an empty amount", commitments, commitment.set("amount", ""), "amount"));
        cases.add(invalid("draft: a ceiling with 3 decimals", Paths.DRAFTS,
                draft.set("ceilings/0/amount", "3333333.333"), "ceilings[0].amount"));
        cases.add(invalid("avenant: a commitment line with a sign", avenants,
                financialAvenant("2019-03-31").set("commitments/0/amount", "+3000000.00"), "commitments[0].amount"));
        cases.add(invalid("draft: a negative matching ratio", Paths.DRAFTS, draft.set("matching/0/ratio", "-1"),
                "matching[0].ratio"));

        // Years
        cases.add(invalid("commitment: year 1899", commitments, commitment.set("year", 1899), "year"));
        cases.add(invalid("commitment: year 2201", commitments, commitment.set("year", 2201), "year"));
        cases.add(invalid("draft: a ceiling for year 0", Paths.DRAFTS, draft.set("ceilings/0/year", 0),
                "ceilings[0].year"));

        // Départements and parties
        cases.add(invalid("draft: département 99", Paths.DRAFTS, draft.set("territory/departements/0", "99"),
                "territory.departements[0]"));
        cases.add(invalid("draft: département 2C", Paths.DRAFTS, draft.set("territory/departements/0", "2C"),
                "territory.departements[0]"));
        cases.add(invalid("draft: département 620", Paths.DRAFTS, draft.set("territory/departements/0", "620"),
                "territory.departements[0]"));
        cases.add(invalid("draft: no département", Paths.DRAFTS, draft.set("territory/departements", raw("[]")),
                "territory.departements"));
        cases.add(invalid("draft: 31 parties", Paths.DRAFTS, draft.set("parties", raw(parties(31))), "parties"));
        cases.add(invalid("draft: a single party", Paths.DRAFTS, draft.set("parties", raw(parties(1))), "parties"));

        // Media types and sizes
        cases.add(refused("draft: text/plain", a -> a.post(Paths.DRAFTS).body("text/plain", draft.toString()),
                415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(refused("signature: application/xml", a -> a.post(signatures).body("application/xml",
                "<signature><party>cd-59</party></signature>"), 415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(refused("commitment: form-encoded", a -> a.post(commitments).body(
                "application/x-www-form-urlencoded", "party=prefet-62&year=2019"), 415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(refused("termination: no content type", a -> a.post(termination), 415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(refused("commitment: only XML is acceptable in return",
                a -> a.post(commitments).header("Accept", "application/xml").json(commitment),
                406, "NOT_ACCEPTABLE"));
        cases.add(refused("draft: a body over 64 KiB with its length declared",
                a -> a.post(Paths.DRAFTS).json(draft.set("title", "t".repeat(70 * 1024))), 413, "PAYLOAD_TOO_LARGE"));
        cases.add(refused("avenant: a chunked body over 64 KiB that looks like JSON",
                a -> a.post(avenants).chunked("application/json",
                        ("{\"summary\":\"" + "a".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8)),
                413, "PAYLOAD_TOO_LARGE"));

        // Headers
        cases.add(invalidHeader("If-Match without quotes", a -> a.post(commitments).ifMatch("3").json(commitment),
                "If-Match"));
        cases.add(invalidHeader("If-Match not a number", a -> a.post(commitments).ifMatch("\"abc\"").json(commitment),
                "If-Match"));
        cases.add(invalidHeader("If-Match negative", a -> a.post(commitments).ifMatch("\"-1\"").json(commitment),
                "If-Match"));
        cases.add(invalidHeader("If-Match beyond any version",
                a -> a.post(commitments).ifMatch("\"99999999999999999999\"").json(commitment), "If-Match"));
        cases.add(invalidHeader("Idempotency-Key with spaces",
                a -> a.post(commitments).idempotencyKey("my key").json(commitment), "Idempotency-Key"));
        cases.add(invalidHeader("Idempotency-Key of 129 characters",
                a -> a.post(Paths.DRAFTS).idempotencyKey("k".repeat(129)).json(draft), "Idempotency-Key"));
        cases.add(invalidHeader("Idempotency-Key climbing folders",
                a -> a.post(termination).idempotencyKey("../../etc/passwd").json(termination("2021-06-30")),
                "Idempotency-Key"));
        cases.add(refused("a hostile X-Correlation-Id on a malformed body",
                a -> a.post(signatures).correlationId("<script>alert(1)</script>").json(signature.set("signedOn", "x")),
                400, "VALIDATION_FAILED"));

        // Methods the command paths do not allow
        cases.add(refused("PUT on the drafts", a -> a.method("PUT", Paths.DRAFTS).json(draft), 405,
                "METHOD_NOT_ALLOWED"));
        cases.add(refused("DELETE on the signatures", a -> a.method("DELETE", signatures), 405, "METHOD_NOT_ALLOWED"));
        cases.add(refused("PATCH on the commitments", a -> a.method("PATCH", commitments).json(commitment), 405,
                "METHOD_NOT_ALLOWED"));
        cases.add(refused("GET on the termination", a -> a.get(termination), 405, "METHOD_NOT_ALLOWED"));
        return cases;
    }

    static List<String> hostileCorrelationIds() {
        return List.of("<script>alert(1)</script>", "two words", "semi;colon", "quote\"d", "tab\there",
                "percent%0d%0aSet-Cookie:x", "{\"json\":1}", "x".repeat(101));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("hostileCorrelationIds")
    void aCorrelationIdWithForbiddenCharactersIsReplacedByAGeneratedOneNotEchoed(String hostile) {
        HttpApi.Answer refused = storingNothing(service, () -> api.post(Paths.signatures(IN_FORCE))
                .correlationId(hostile).json(Bodies.prefetSigns().set("signedOn", "yesterday")).send());

        assertProblem(refused, 400, "VALIDATION_FAILED");
        assertThat(refused.header("X-Correlation-Id")).isNotEqualTo(hostile).matches(UUID_SHAPE);
        assertThat(refused.body()).doesNotContain(hostile);
    }

    @Test
    void anAcceptedCommandWithAHostileCorrelationIdRecordsTheGeneratedOne() {
        String id = "hostile-correlation";
        HttpApi.Answer drafted = api.post(Paths.DRAFTS).correlationId("<img src=x onerror=alert(1)>")
                .json(pasDeCalaisDraft(id)).send();

        assertAccepted(drafted, 201, id, 0);
        String generated = drafted.header("X-Correlation-Id");
        assertThat(generated).matches(UUID_SHAPE);
        assertThat(service.events(id).get(0).getMetaData()).containsEntry("correlationId", generated);
    }

    @Test
    void aValidationProblemListsEveryFieldAtFaultWithAReason() {
        HttpApi.Answer refused = storingNothing(service, () -> api.post(Paths.signatures(IN_FORCE))
                .json(JsonBody.of("{}")).send());

        assertProblem(refused, 400, "VALIDATION_FAILED");
        assertThat(fieldsInError(refused)).containsExactlyInAnyOrder("party", "signatory", "signedOn");
        refused.json().path("errors").forEach(error -> assertThat(error.path("reason").asText()).isNotBlank());
    }

    @Test
    void aBodyOfExactly64KiBIsReadAndOneByteMoreIsRefusedWith413() {
        String signature = Bodies.signature("cd-59", "Président du conseil départemental du Nord", "2018-12-18")
                .toString();
        int size = signature.getBytes(StandardCharsets.UTF_8).length;
        byte[] atTheLimit = (signature + " ".repeat(64 * 1024 - size)).getBytes(StandardCharsets.UTF_8);
        byte[] overTheLimit = (signature + " ".repeat(64 * 1024 - size + 1)).getBytes(StandardCharsets.UTF_8);

        assertProblem(storingNothing(service, () -> api.post(Paths.signatures(IN_FORCE))
                .body("application/json", atTheLimit).send()), 422, "NOT_A_PARTY");
        assertProblem(storingNothing(service, () -> api.post(Paths.signatures(IN_FORCE))
                .chunked("application/json", atTheLimit).send()), 422, "NOT_A_PARTY");
        assertProblem(storingNothing(service, () -> api.post(Paths.signatures(IN_FORCE))
                .body("application/json", overTheLimit).send()), 413, "PAYLOAD_TOO_LARGE");
        assertProblem(storingNothing(service, () -> api.post(Paths.signatures(IN_FORCE))
                .chunked("application/json", overTheLimit).send()), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aCorrelationIdOf100AllowedCharactersIsKeptAndOneOf101IsReplaced() {
        String longest = "Aa0._:-".repeat(14) + "xx";
        HttpApi.Answer kept = api.post(Paths.signatures(IN_FORCE)).correlationId(longest)
                .json(Bodies.prefetSigns().set("signedOn", "yesterday")).send();
        HttpApi.Answer replaced = api.post(Paths.signatures(IN_FORCE)).correlationId(longest + "x")
                .json(Bodies.prefetSigns().set("signedOn", "yesterday")).send();

        assertThat(longest).hasSize(100);
        assertThat(kept.header("X-Correlation-Id")).isEqualTo(longest);
        assertThat(replaced.header("X-Correlation-Id")).matches(UUID_SHAPE);
    }

    @Test
    void aConventionIdOf64CharactersIsAcceptedInTheBodyAndInThePath() {
        String id = "pas-de-calais-" + "x".repeat(50);
        assertAccepted(api.post(Paths.DRAFTS).json(pasDeCalaisDraft(id)).send(), 201, id, 0);

        assertAccepted(api.post(Paths.signatures(id)).json(prefetSigns()).send(), 200, id, 1);
    }

    // --- regressions: bugs of src/main that these tests found ----------------------------------------------

    /** R10: amounts travel as decimal strings; a number used to be coerced to its text, 1e5 committed as 100000.00. */
    @ParameterizedTest(name = "[{index}] \"amount\": {0}")
    @ValueSource(strings = {"500", "1e5", "0.1"})
    void anAmountSentAsAJsonNumberIsRefusedNotCoerced(String number) {
        HttpApi.Answer answer = storingNothing(service, () -> api.post(Paths.commitments(IN_FORCE))
                .json(stateCommits("1.00").set("amount", raw(number))).send());

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(fieldsInError(answer)).contains("amount");
    }

    /** A year used to be truncated: 2019.5 committed funds for 2019. */
    @Test
    void aYearWithAFractionIsRefusedNotTruncated() {
        HttpApi.Answer answer = storingNothing(service, () -> api.post(Paths.commitments(IN_FORCE))
                .json(stateCommits("1.00").set("year", 2019.5)).send());

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(fieldsInError(answer)).contains("year");
    }

    /** A date used to be read from a number as days since 1970-01-01: 17906 was taken for 2019-01-10. */
    @Test
    void aDateSentAsAJsonNumberIsRefusedNotReadAsADayCount() {
        HttpApi.Answer answer = storingNothing(service, () -> api.post(Paths.commitments(IN_FORCE))
                .json(stateCommits("1.00").set("committedOn", 17_906)).send());

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(fieldsInError(answer)).contains("committedOn");
    }

    /**
     * Free text used to accept control characters; PostgreSQL text cannot hold a NUL, so the projection of such a
     * draft failed on every attempt and stalled every later convention of its segment.
     */
    @Test
    void freeTextWithANulOrControlCharactersIsRefused() {
        for (String title : List.of("Convention\u0000d'engagement", "Convention\u0007\u001b[2J d'engagement")) {
            HttpApi.Answer answer = storingNothing(service, () -> api.post(Paths.DRAFTS)
                    .json(pasDeCalaisDraft("control-characters").set("title", title)).send());

            assertProblem(answer, 400, "VALIDATION_FAILED");
            assertThat(fieldsInError(answer)).contains("title");
        }
        HttpApi.Answer signature = storingNothing(service, () -> api.post(Paths.signatures(IN_FORCE))
                .json(prefetSigns().set("signatory", "Fabien\u0000Sudry")).send());
        assertProblem(signature, 400, "VALIDATION_FAILED");
        assertThat(fieldsInError(signature)).contains("signatory");
    }

    /** Spring Security's firewall used to answer these with Spring Boot's JSON error page: no code, no correlation. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/api/conventions/../../etc/signatures", "/api/conventions/%2e%2e/signatures",
            "/api/conventions/malformed-pas-de-calais;jsessionid=x/signatures"})
    void aPathWithDotSegmentsOrASemicolonIsRefusedWithAProblem(String path) {
        HttpApi.Answer answer = storingNothing(service, () -> api.post(path).json(prefetSigns()).send());

        assertProblem(answer, 400, "REQUEST_REJECTED");
    }

    /** TRACE used to be answered with a bare 400: no body, no content type. */
    @Test
    void traceOnACommandPathIsRefusedWith405AndAProblem() {
        HttpApi.Answer answer = storingNothing(service, () -> api.method("TRACE", Paths.avenants(IN_FORCE)).send());

        assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
    }

    /** Tomcat used to refuse these itself, before any filter, with its HTML page and no correlation id. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/api/conventions/a%2Fb/signatures", "/api/conventions/a%5Cb/signatures",
            "/api/conventions/abc%00/signatures"})
    void aPathWithAnEncodedSlashBackslashOrNulIsRefusedWithAProblem(String path) {
        HttpApi.Answer answer = storingNothing(service, () -> api.post(path).json(prefetSigns()).send());

        assertProblem(answer, 400, "REQUEST_REJECTED");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static Case invalid(String description, String path, JsonBody body, String field) {
        return new Case(description, a -> a.post(path).json(body), 400, "VALIDATION_FAILED", field);
    }

    private static Case invalidRaw(String description, String path, String body, String field) {
        return new Case(description, a -> a.post(path).body("application/json", body), 400, "VALIDATION_FAILED",
                field);
    }

    private static Case invalidHeader(String description, Function<HttpApi, HttpApi.Request> request, String header) {
        return new Case(description, request, 400, "VALIDATION_FAILED", header);
    }

    private static Case malformedJson(String description, String path, String body) {
        return new Case(description, a -> a.post(path).body("application/json", body), 400, "MALFORMED_JSON", null);
    }

    private static Case refused(String description, Function<HttpApi, HttpApi.Request> request, int status,
                                String code) {
        return new Case(description, request, status, code, null);
    }

    private static String parties(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> "{\"id\":\"party-" + n + "\",\"role\":\"AUTRE\",\"name\":\"Partie " + n
                        + "\",\"representative\":\"Représentant " + n + "\"}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static List<String> fieldsInError(HttpApi.Answer answer) {
        JsonNode errors = answer.json().path("errors");
        return Stream.iterate(0, i -> i < errors.size(), i -> i + 1)
                .map(i -> errors.get(i).path("field").asText()).toList();
    }
}
