package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.app.cases.Units;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.supervision.SupervisionViews.Accountability;
import cn.xinfang.petition.app.supervision.SupervisionViews.Notice;
import cn.xinfang.petition.time.TimeRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.xinfang.petition.projection.support.Sql.instant;
import static cn.xinfang.petition.projection.support.Sql.ts;

/**
 * 通报 – a supervisor drafts a notice (criticism, commendation, or a skip-level petition's) and
 * publishes it; publication numbers it within the year of its date (〔2024〕1号, 2号, …). Units see
 * the published notices naming them; supervisors and auditors see everything.
 */
@Service
public class NoticeService {

    public static final Set<String> KINDS = Set.of("CRITICISM", "COMMENDATION", "SKIP_LEVEL");
    /** The words of the title per kind. */
    static final java.util.Map<String, String> TITLES = java.util.Map.of("CRITICISM", "关于有关问题的通报批评",
            "COMMENDATION", "关于有关单位的通报表扬", "SKIP_LEVEL", "关于越级上访问题的通报");

    private final JdbcTemplate jdbc;
    private final Units units;
    private final Clock clock;
    private final ObjectMapper json;
    private final TimeRules rules;

    public NoticeService(JdbcTemplate jdbc, Units units, Clock clock, ObjectMapper json, TimeRules rules) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
        this.json = json;
        this.rules = rules;
    }

    @Transactional
    public Notice draft(Account who, String kind, List<String> unitIds, String text, List<String> caseIds,
                        List<String> rectificationIds, List<String> persons, String proposal, boolean accountabilityGiven) {
        SupervisionAccess.requireSupervisor(who);
        Fields f = new Fields();
        String k = InspectionService.oneOf(f, "kind", kind, KINDS);
        List<String> us = new ArrayList<>();
        if (unitIds == null || unitIds.isEmpty()) {
            f.add("units", "at least one unit is required", "至少需要一个单位");
        } else {
            for (String u : unitIds) {
                if (u == null || !units.exists(u)) {
                    f.add("units", "unknown unit: " + u, "单位不存在：" + u);
                } else if (!us.contains(u)) {
                    us.add(u);
                }
            }
        }
        String t = f.text("text", text, Fields.LONG_TEXT);
        List<String> cs = caseIds == null ? List.of() : caseIds;
        for (String c : cs) {
            if (c == null || jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ? and sequencenumber = 0", Integer.class, c) == 0) {
                f.add("caseIds", "unknown case: " + c, "信访事项不存在：" + c);
            }
        }
        List<String> rs = rectificationIds == null ? List.of() : rectificationIds;
        for (String r : rs) {
            if (r == null || jdbc.queryForObject("select count(*) from rectification where id = ?", Integer.class, r) == 0) {
                f.add("rectificationIds", "unknown rectification: " + r, "整改记录不存在：" + r);
            }
        }
        String pr = null;
        List<String> ps = null;
        if (accountabilityGiven) {
            ps = persons == null ? List.of() : persons;
            if (ps.isEmpty() || ps.stream().anyMatch(p -> p == null || p.isBlank())) {
                f.add("accountability.persons", "name at least one person", "至少列明一名被追责人员");
            }
            pr = f.text("accountability.proposal", proposal, Fields.LONG_TEXT);
        }
        f.throwIfInvalid();
        return insert(k, us, t, cs, rs, ps, pr, null, who.username());
    }

    Notice insert(String kind, List<String> us, String text, List<String> cs, List<String> rs, List<String> persons, String proposal,
                  String sourceEventId, String by) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into notice (id, kind, status, text, units, case_ids, rectification_ids, persons, proposal, source_event_id, "
                        + "created_by, created_at) values (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, kind, text, write(us), write(cs),
                write(rs), persons == null ? null : write(persons), proposal, sourceEventId, by, ts(clock.instant()));
        for (String u : us) {
            jdbc.update("insert into notice_unit (notice_id, unit) values (?, ?)", id, u);
        }
        return find(id);
    }

    /** 印发 – numbered per year: the next number of the year of {@code date} (default: today). */
    @Transactional
    public Notice publish(Account who, String id, String date) {
        SupervisionAccess.requireSupervisor(who);
        Notice n = get(who, id);
        if (!n.status().equals("DRAFT")) {
            throw ServiceException.conflict("notice-already-published", "the notice is already published as " + n.number(),
                    "该通报已印发，文号 " + n.number());
        }
        Fields f = new Fields();
        LocalDate day = date == null || date.isBlank() ? LocalDate.now(clock.withZone(rules.zone())) : CampaignService.date(f, "date", date);
        f.throwIfInvalid();
        int year = day.getYear();
        // the numbering is guarded by the unique (year, seq) constraint: a concurrent publication that took
        // the same number is refused and may simply be repeated
        Integer max = jdbc.queryForObject("select max(number_seq) from notice where number_year = ?", Integer.class, year);
        int seq = max == null ? 1 : max + 1;
        Instant at = day.equals(LocalDate.now(clock.withZone(rules.zone()))) ? clock.instant()
                : day.atTime(9, 0).atZone(rules.zone()).toInstant();
        try {
            int changed = jdbc.update("update notice set status = 'PUBLISHED', number_year = ?, number_seq = ?, published_by = ?, "
                    + "published_at = ? where id = ? and status = 'DRAFT'", year, seq, who.username(), ts(at), id);
            if (changed == 0) {
                throw ServiceException.conflict("notice-already-published", "the notice is already published", "该通报已印发");
            }
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ServiceException.conflict("notice-number-taken", "another notice took number " + seq + " of " + year
                    + " at the same moment; publish again", "文号 " + year + "-" + seq + " 已被同时印发的通报占用，请重新印发");
        }
        return find(id);
    }

    public Notice get(Account who, String id) {
        Notice n = find(id);
        if (who.role().isUnitBound() && (!n.status().equals("PUBLISHED") || !n.units().contains(who.unit()))) {
            throw ServiceException.notFound("notice-not-found", "the notice does not exist; check the id", "通报不存在，请核对编号");
        }
        return n;
    }

    public List<Notice> list(Account who, String status, String kind) {
        StringBuilder sql = new StringBuilder("select * from notice n where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (who.role().isUnitBound()) {
            sql.append(" and n.status = 'PUBLISHED' and exists (select 1 from notice_unit u where u.notice_id = n.id and u.unit = ?)");
            args.add(who.unit());
        }
        if (status != null && !status.isBlank()) {
            sql.append(" and n.status = ?");
            args.add(status);
        }
        if (kind != null && !kind.isBlank()) {
            sql.append(" and n.kind = ?");
            args.add(kind);
        }
        sql.append(" order by n.created_at desc, n.id");
        return jdbc.query(sql.toString(), (rs, i) -> row(rs), args.toArray());
    }

    Notice find(String id) {
        List<Notice> found = jdbc.query("select * from notice where id = ?", (rs, i) -> row(rs), id);
        if (found.isEmpty()) {
            throw ServiceException.notFound("notice-not-found", "the notice does not exist; check the id", "通报不存在，请核对编号");
        }
        return found.get(0);
    }

    private Notice row(ResultSet rs) throws SQLException {
        Integer year = (Integer) rs.getObject("number_year");
        Integer seq = (Integer) rs.getObject("number_seq");
        String persons = rs.getString("persons");
        String proposal = rs.getString("proposal");
        String kind = rs.getString("kind");
        return new Notice(rs.getString("id"), kind, rs.getString("status"), year == null ? null : "督通〔" + year + "〕" + seq + "号",
                year, seq, TITLES.get(kind), rs.getString("text"), read(rs.getString("units")), read(rs.getString("case_ids")),
                read(rs.getString("rectification_ids")), persons == null && proposal == null ? null
                : new Accountability(persons == null ? List.of() : read(persons), proposal),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getString("published_by"), instant(rs, "published_at"));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String s) {
        try {
            return json.readValue(s, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The unit's name for the notice's text. */
    String unitName(String unit) {
        return units.name(unit).orElse(unit);
    }

    Instant now() {
        return clock.instant();
    }
}
