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
import java.util.List;

/**
 * The campaign summary's figures of 大走访 and 大接访, from the visit read model: visits recorded in
 * the span (by their day), the unit's petitioners (of its cases) visited in the span (the rule of the
 * coverage, 遍访), and the rota
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

    private final VisitService visits;

    public VisitFigures(JdbcTemplate jdbc, TimeRules rules, VisitService visits) {
        this.visits = visits;
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

    /** 遍访 by the coverage's own rule ({@link VisitService#petitionersFirstVisits}): each petitioner's first visit. */
    private List<FigureItem> covered(String unit, Date f, Date t) {
        return visits.petitionersFirstVisits(unit, f.toLocalDate(), t.toLocalDate().minusDays(1)).stream()
                .map(r -> visit(r.visitId(), r.visitNo(), Date.valueOf(r.visitedAt()))).toList();
    }

    private FigureItem visit(String id, String no, Date day) {
        return new FigureItem("visit", id, null, no, day.toLocalDate().atStartOfDay(zone).toInstant());
    }

    private FigureItem rota(String unit, Date day, String leader) {
        return new FigureItem("rota", unit + "/" + day.toLocalDate(), null, leader, day.toLocalDate().atStartOfDay(zone).toInstant());
    }
}
