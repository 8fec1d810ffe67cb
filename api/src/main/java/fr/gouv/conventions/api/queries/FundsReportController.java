package fr.gouv.conventions.api.queries;

import fr.gouv.conventions.api.contract.ValidationPatterns;
import fr.gouv.conventions.core.model.Euros;
import fr.gouv.conventions.projections.reports.FundingLine;
import fr.gouv.conventions.projections.reports.FundingReport;
import fr.gouv.conventions.projections.reports.MatchingLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The funds report, for reporting tools: JSON, or CSV for spreadsheets. */
@RestController
@RequestMapping("/api/reports/funds")
@Tag(name = "Reports", description = "Funds committed, ceilings and matching, for reporters and auditors")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
class FundsReportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String CSV_HEADER = "convention_id,departements,party_id,party_role,year,committed,ceiling,"
            + "remaining,matching_status,matching_shortfall";

    private final FundingReport report;

    FundsReportController(FundingReport report) {
        this.report = report;
    }

    /** The report as JSON: the funding lines and the matching status of each rule and year. */
    record FundsReport(List<FundingLine> lines, List<MatchingLine> matching) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Funds committed per convention, party and year, remaining ceilings, and matching per year")
    FundsReport json(@RequestParam(required = false) @Min(1900) @Max(2200) Integer year,
                     @RequestParam(required = false) @Pattern(regexp = ValidationPatterns.DEPARTEMENT) String departement) {
        return new FundsReport(report.lines(year, departement), report.matching(year, departement));
    }

    /**
     * The report as CSV, one row per convention, party and year. A party that must match another's funds carries
     * its matching status (MATCHED or SHORTFALL, and the shortfall in euros, summed over the funders it matches),
     * with a row of its own even when it committed nothing that year.
     */
    @GetMapping(produces = "text/csv")
    @Operation(summary = "The same report as CSV (UTF-8, one header row, decimal amounts)")
    ResponseEntity<String> csv(@RequestParam(required = false) @Min(1900) @Max(2200) Integer year,
                               @RequestParam(required = false) @Pattern(regexp = ValidationPatterns.DEPARTEMENT)
                               String departement) {
        Map<String, FundingLine> lines = new LinkedHashMap<>();
        for (FundingLine line : report.lines(year, departement)) {
            lines.put(key(line.conventionId(), line.party(), line.year()), line);
        }
        Map<String, MatchingStatus> matchedBy = new LinkedHashMap<>();
        for (MatchingLine matching : report.matching(year, departement)) {
            String key = key(matching.conventionId(), matching.matcher(), matching.year());
            matchedBy.merge(key, MatchingStatus.of(matching), MatchingStatus::and);
            lines.putIfAbsent(key, new FundingLine(matching.conventionId(), matching.departements(),
                    matching.matcher(), matching.matcherRole(), matching.year(), Euros.ZERO, null, null));
        }
        List<FundingLine> rows = new ArrayList<>(lines.values());
        rows.sort((a, b) -> key(a.conventionId(), String.format("%04d", a.year()), a.party())
                .compareTo(key(b.conventionId(), String.format("%04d", b.year()), b.party())));
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (FundingLine line : rows) {
            MatchingStatus matching = matchedBy.get(key(line.conventionId(), line.party(), line.year()));
            csv.append(String.join(",", field(line.conventionId()), field(String.join(" ", line.departements())),
                    field(line.party()), field(line.partyRole()), String.valueOf(line.year()),
                    amount(line.committed()), amount(line.ceiling()), amount(line.remaining()),
                    matching == null ? "" : matching.matched() ? "MATCHED" : "SHORTFALL",
                    matching == null ? "" : amount(matching.shortfall()))).append("\r\n");
        }
        return ResponseEntity.ok().contentType(CSV).body(csv.toString());
    }

    private static String key(String conventionId, String party, int year) {
        return key(conventionId, party, String.valueOf(year));
    }

    private static String key(String first, String second, String third) {
        return first + "\u0000" + second + "\u0000" + third;
    }

    private static String amount(Euros amount) {
        return amount == null ? "" : amount.toString();
    }

    /**
     * Where a party stands against every funder it must match that year: matched only if it matches them all, and
     * short of the sum of what it lacks for each.
     */
    private record MatchingStatus(boolean matched, Euros shortfall) {
        static MatchingStatus of(MatchingLine line) {
            return new MatchingStatus(line.matched(), line.shortfall());
        }

        MatchingStatus and(MatchingStatus other) {
            return new MatchingStatus(matched && other.matched, shortfall.plus(other.shortfall));
        }
    }

    /** RFC 4180: quote a field holding a comma, a quote or a line break, doubling its quotes. */
    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
