package cn.xinfang.petition.app.visits;

import cn.xinfang.petition.app.supervision.CampaignFigureSource;
import cn.xinfang.petition.app.supervision.SupervisionViews.FigureItem;
import cn.xinfang.petition.time.TimeRules;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The campaign summary's figures of 大走访 and 大接访, from the visit read model: visits recorded in
 * the span (by their day), the unit's petitioners (of its cases) visited in the span, and the rota
 * days scheduled and held (a reception record by the day's leader on that day). Each figure opens
 * as its records: the visits, the first visit of each petitioner covered, the rota days.
 */
@Component
@Order(1)
public class VisitFigures implements CampaignFigureSource {

    static final String VISITS = "visitsRecorded";
    static final String COVERED = "petitionersCovered";
    static final String SCHEDULED = "rotaDaysScheduled";
    static final String HELD = "rotaDaysHeld";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public VisitFigures(JdbcTemplate jdbc, TimeRules rules) {
        this.jdbc = jdbc;
        this.zone = rules.zone();
    }

    @Override
    public List<String> figures() {
        return List.of(VISITS, COVERED, SCHEDULED, HELD);
    }

    @Override
    public List<FigureItem> items(String figure, String unit, Instant from, Instant to) {
        Date f = Date.valueOf(LocalDate.ofInstant(from, zone));
        Date t = Date.valueOf(LocalDate.ofInstant(to, zone));
        return switch (figure) {
            case VISITS -> jdbc.query("select visit_id, visit_no, visited_at from visit_entry where unit = ? and visited_at >= ? "
                            + "and visited_at < ? order by visited_at, visit_no",
                    (rs, i) -> visit(rs.getString(1), rs.getString(2), rs.getDate(3)), unit, f, t);
            case COVERED -> covered(unit, f, t);
            case SCHEDULED -> jdbc.query("select rota_date, leader from rota_entry where unit = ? and rota_date >= ? and rota_date < ? "
                    + "order by rota_date", (rs, i) -> rota(unit, rs.getDate(1), rs.getString(2)), unit, f, t);
            case HELD -> jdbc.query("select r.rota_date, r.leader from rota_entry r where r.unit = ? and r.rota_date >= ? "
                    + "and r.rota_date < ? and exists (select 1 from reception_entry e where e.unit = r.unit "
                    + "and e.reception_date = r.rota_date and e.leader = r.leader) order by r.rota_date",
                    (rs, i) -> rota(unit, rs.getDate(1), rs.getString(2)), unit, f, t);
            default -> List.of();
        };
    }

    /** 遍访: the unit's petitioners (same ID number, or same name and phone) with a visit of the unit in the span. */
    private List<FigureItem> covered(String unit, Date f, Date t) {
        Set<String> seen = new LinkedHashSet<>();
        List<FigureItem> out = new ArrayList<>();
        jdbc.query("select v.visit_id, v.visit_no, v.visited_at, c.id_number, c.petitioner_name, c.phone from visit_entry v "
                + "join visit_case_person c on c.unit = v.unit and ((c.id_number is not null and c.id_number = v.id_number) "
                + "or (c.petitioner_name = v.person_name and c.phone = v.phone)) "
                + "where v.unit = ? and v.visited_at >= ? and v.visited_at < ? order by v.visited_at, v.visit_no", rs -> {
            String person = rs.getString(4) != null ? "id:" + rs.getString(4) : "np:" + rs.getString(5) + "|" + rs.getString(6);
            if (seen.add(person)) {
                out.add(visit(rs.getString(1), rs.getString(2), rs.getDate(3)));
            }
        }, unit, f, t);
        return out;
    }

    private FigureItem visit(String id, String no, Date day) {
        return new FigureItem("visit", id, null, no, day.toLocalDate().atStartOfDay(zone).toInstant());
    }

    private FigureItem rota(String unit, Date day, String leader) {
        return new FigureItem("rota", unit + "/" + day.toLocalDate(), null, leader, day.toLocalDate().atStartOfDay(zone).toInstant());
    }
}
