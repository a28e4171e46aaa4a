package cn.xinfang.petition.projection.visit;

import cn.xinfang.petition.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the visit, rota and reception tables; a null unit means every unit, null dates no bound. */
@Component
public class VisitQueries {

    /** A page of visits and the number of all matching ones. */
    public record VisitPage(List<VisitRow> items, long total, int page, int size) {
    }

    private final JdbcTemplate jdbc;

    public VisitQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public VisitPage visits(String unit, LocalDate from, LocalDate to, String q, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where("visited_at", unit, from, to, args);
        if (q != null && !q.isBlank()) {
            where += " and (person_name like ? escape '!' or demands like ? escape '!' or work_unit_or_address like ? escape '!' "
                    + "or visit_no like ? escape '!')";
            String like = Sql.contains(q.trim());
            args.addAll(List.of(like, like, like, like));
        }
        Long total = jdbc.queryForObject("select count(*) from visit_entry" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<VisitRow> items = jdbc.query("select * from visit_entry" + where + " order by visited_at desc, visit_no desc limit ? offset ?",
                VisitQueries::visit, args.toArray());
        return new VisitPage(items, total == null ? 0 : total, page, size);
    }

    /** Every visit of the period, oldest first (the ledger's order). */
    public List<VisitRow> allVisits(String unit, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>();
        String where = where("visited_at", unit, from, to, args);
        return jdbc.query("select * from visit_entry" + where + " order by visited_at, visit_no", VisitQueries::visit, args.toArray());
    }

    public Optional<VisitRow> visit(String visitId) {
        return jdbc.query("select * from visit_entry where visit_id = ?", VisitQueries::visit, visitId).stream().findFirst();
    }

    /** The days in the period on which {@code username} was among a visit's visitors. */
    public List<LocalDate> visitDays(String username, LocalDate from, LocalDate to) {
        return jdbc.query("select distinct visited_at from visit_visitor where username = ? and visited_at >= ? and visited_at <= ?",
                (rs, i) -> rs.getDate(1).toLocalDate(), username, Date.valueOf(from), Date.valueOf(to));
    }

    /** The days in the period on which {@code leader} received someone (any unit). */
    public List<LocalDate> receptionDays(String leader, LocalDate from, LocalDate to) {
        return jdbc.query("select distinct reception_date from reception_entry where leader = ? and reception_date >= ? "
                + "and reception_date <= ?", (rs, i) -> rs.getDate(1).toLocalDate(), leader, Date.valueOf(from), Date.valueOf(to));
    }

    public List<RotaRow> rota(String unit, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>();
        String where = where("rota_date", unit, from, to, args);
        return jdbc.query("select * from rota_entry" + where + " order by rota_date, unit",
                (rs, i) -> new RotaRow(rs.getString("unit"), rs.getDate("rota_date").toLocalDate(), rs.getString("leader"),
                        rs.getString("reason")), args.toArray());
    }

    public List<ReceptionRow> receptions(String unit, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>();
        String where = where("reception_date", unit, from, to, args);
        return jdbc.query("select * from reception_entry" + where + " order by reception_date, recorded_at", VisitQueries::reception,
                args.toArray());
    }

    public Optional<ReceptionRow> reception(String receptionId) {
        return jdbc.query("select * from reception_entry where reception_id = ?", VisitQueries::reception, receptionId).stream()
                .findFirst();
    }

    /** A case's petitioner, for the coverage. */
    public record CasePerson(String caseId, String name, String idNumber, String phone) {
    }

    /** The petitioners of the cases with {@code unit} or first received by it, oldest case first. */
    public List<CasePerson> casePersons(String unit) {
        return jdbc.query("select case_id, petitioner_name, id_number, phone from visit_case_person where unit = ? or first_unit = ? "
                + "order by registered_at, case_id", (rs, i) -> new CasePerson(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4)), unit, unit);
    }

    private static String where(String dateColumn, String unit, LocalDate from, LocalDate to, List<Object> args) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (unit != null) {
            w.append(" and unit = ?");
            args.add(unit);
        }
        if (from != null) {
            w.append(" and ").append(dateColumn).append(" >= ?");
            args.add(Date.valueOf(from));
        }
        if (to != null) {
            w.append(" and ").append(dateColumn).append(" <= ?");
            args.add(Date.valueOf(to));
        }
        return w.toString();
    }

    private static VisitRow visit(ResultSet rs, int row) throws SQLException {
        return new VisitRow(rs.getString("visit_id"), rs.getString("visit_no"), rs.getString("unit"),
                rs.getDate("visited_at").toLocalDate(), Arrays.asList(rs.getString("visitors").split(",")), rs.getString("person_name"),
                rs.getString("id_number"), rs.getString("phone"), rs.getString("address"), rs.getString("work_unit_or_address"),
                rs.getString("demands"), rs.getString("resolution"), Sql.instant(rs, "resolution_at"), rs.getString("remarks"),
                rs.getString("case_id"), Sql.instant(rs, "recorded_at"), rs.getString("recorded_by"), Sql.instant(rs, "corrected_at"),
                rs.getString("corrected_by"), rs.getString("person_id"));
    }

    private static ReceptionRow reception(ResultSet rs, int row) throws SQLException {
        return new ReceptionRow(rs.getString("reception_id"), rs.getString("unit"), rs.getDate("reception_date").toLocalDate(),
                rs.getString("leader"), rs.getString("kind"), rs.getString("person_name"), rs.getString("id_number"),
                rs.getString("phone"), rs.getString("address"), rs.getInt("headcount"), rs.getString("demands"),
                rs.getString("case_id"), Sql.instant(rs, "recorded_at"), rs.getString("recorded_by"), rs.getString("person_id"));
    }
}
