package fr.gouv.conventions.projections.reports;

import fr.gouv.conventions.core.model.Euros;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The funds report: committed amounts per convention, party and year with the remaining ceilings, and the matching
 * status of each year, from the public views {@code funding_by_party_year} and {@code matching_by_year}.
 */
@Component
public class FundingReport {

    private final JdbcTemplate jdbc;

    FundingReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The funding lines, for one year and one département when given. */
    public List<FundingLine> lines(Integer year, String departement) {
        Filter filter = new Filter(year, departement);
        return jdbc.query("""
                        select convention_id, departements, party_id, party_role, year, committed, ceiling, remaining
                          from funding_by_party_year""" + filter.where()
                        + " order by convention_id, year, party_id",
                (row, n) -> new FundingLine(row.getString(1), strings(row.getArray(2)), row.getString(3),
                        row.getString(4), row.getInt(5), euros(row.getBigDecimal(6)), euros(row.getBigDecimal(7)),
                        euros(row.getBigDecimal(8))),
                filter.arguments());
    }

    /** The matching status of each rule and year, for one year and one département when given. */
    public List<MatchingLine> matching(Integer year, String departement) {
        Filter filter = new Filter(year, departement);
        return jdbc.query("""
                        select convention_id, departements, year, funder, matcher, matcher_role, ratio,
                               funder_committed, matcher_committed, required, shortfall, matched
                          from matching_by_year""" + filter.where()
                        + " order by convention_id, year, funder, matcher",
                (row, n) -> new MatchingLine(row.getString(1), strings(row.getArray(2)), row.getInt(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getBigDecimal(7),
                        euros(row.getBigDecimal(8)), euros(row.getBigDecimal(9)), euros(row.getBigDecimal(10)),
                        euros(row.getBigDecimal(11)), row.getBoolean(12)),
                filter.arguments());
    }

    private record Filter(Integer year, String departement) {
        String where() {
            return " where (?::int is null or year = ?) and (?::text is null or ? = any(departements))";
        }

        Object[] arguments() {
            List<Object> arguments = new ArrayList<>(Arrays.asList(year, year, departement, departement));
            return arguments.toArray();
        }
    }

    private static Euros euros(BigDecimal amount) {
        return amount == null ? null : new Euros(amount);
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
