package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.app.cases.Units;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.supervision.SupervisionViews.*;
import cn.xinfang.petition.time.TimeRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.xinfang.petition.projection.support.Sql.instant;
import static cn.xinfang.petition.projection.support.Sql.ts;

/** 专项行动 – campaigns with their phases and units, and the units' regular reports (定期上报). */
@Service
public class CampaignService {

    /** A phase as the request gives it. */
    public record PhaseInput(String name, String from, String to) {
    }

    private final JdbcTemplate jdbc;
    private final Units units;
    private final Clock clock;
    private final ObjectMapper json;
    private final TimeRules rules;

    public CampaignService(JdbcTemplate jdbc, Units units, Clock clock, ObjectMapper json, TimeRules rules) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
        this.json = json;
        this.rules = rules;
    }

    @Transactional
    public Campaign create(Account who, String name, List<PhaseInput> phases, String reportEvery, List<String> unitIds) {
        SupervisionAccess.requireSupervisorOrAdmin(who);
        Fields f = new Fields();
        String n = f.text("name", name, 200);
        List<Phase> ps = new ArrayList<>();
        if (phases == null || phases.isEmpty()) {
            f.add("phases", "at least one phase {name, from, to} is required", "至少需要一个阶段 {name, from, to}");
        } else {
            for (int i = 0; i < phases.size(); i++) {
                PhaseInput p = phases.get(i);
                String field = "phases[" + i + "]";
                if (p == null) {
                    f.add(field, "is required", "必填");
                    continue;
                }
                String pn = f.text(field + ".name", p.name(), 200);
                LocalDate from = date(f, field + ".from", p.from());
                LocalDate to = date(f, field + ".to", p.to());
                if (from != null && to != null && to.isBefore(from)) {
                    f.add(field + ".to", "is before from", "结束日期早于开始日期");
                } else if (pn != null && from != null && to != null) {
                    if (!ps.isEmpty() && !from.isAfter(ps.get(ps.size() - 1).to())) {
                        f.add(field + ".from", "must come after the previous phase", "须晚于上一阶段");
                    }
                    ps.add(new Phase(pn, from, to));
                }
            }
        }
        Period every = null;
        try {
            every = Period.parse(reportEvery == null ? "P7D" : reportEvery);
            if (every.isNegative() || every.isZero()) {
                f.add("reportEvery", "must be a positive period such as P7D", "须为正的期间，如 P7D");
            }
        } catch (DateTimeParseException e) {
            f.add("reportEvery", "must be an ISO-8601 period such as P7D or P1M", "须为 ISO-8601 期间，如 P7D、P1M");
        }
        List<String> us = unitList(f, "units", unitIds);
        f.throwIfInvalid();
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into campaign (id, name, report_every, created_by, created_at) values (?, ?, ?, ?, ?)",
                id, n, every.toString(), who.username(), ts(clock.instant()));
        for (int i = 0; i < ps.size(); i++) {
            jdbc.update("insert into campaign_phase (campaign_id, seq, name, from_date, to_date) values (?, ?, ?, ?, ?)",
                    id, i, ps.get(i).name(), ps.get(i).from(), ps.get(i).to());
        }
        for (String u : us) {
            jdbc.update("insert into campaign_unit (campaign_id, unit) values (?, ?)", id, u);
        }
        return get(id);
    }

    public List<Campaign> list() {
        return jdbc.queryForList("select id from campaign order by created_at, id", String.class).stream().map(this::get).toList();
    }

    public Campaign get(String id) {
        List<Campaign> found = jdbc.query("select * from campaign where id = ?", (rs, i) -> new Campaign(rs.getString("id"),
                rs.getString("name"), phases(id), rs.getString("report_every"), unitsOf(id), rs.getString("created_by"),
                instant(rs, "created_at")), id);
        if (found.isEmpty()) {
            throw ServiceException.notFound("campaign-not-found", "the campaign does not exist; check the id", "专项行动不存在，请核对编号");
        }
        return found.get(0);
    }

    @Transactional
    public Report report(Account who, String campaignId, String unit, String from, String to, String text,
                         Map<String, Object> figures) {
        Campaign c = get(campaignId);
        Fields f = new Fields();
        String u = f.text("unit", unit, 64);
        LocalDate pf = date(f, "period.from", from);
        LocalDate pt = date(f, "period.to", to);
        if (pf != null && pt != null && pt.isBefore(pf)) {
            f.add("period.to", "is before period.from", "结束日期早于开始日期");
        }
        String t = f.text("text", text);
        if (u != null && !c.units().contains(u)) {
            f.add("unit", "is not a unit of this campaign: " + c.units(), "不是本专项行动的单位：" + c.units());
        }
        f.throwIfInvalid();
        if (who.role() != cn.xinfang.petition.api.Role.ADMIN && who.role() != cn.xinfang.petition.api.Role.SUPERVISOR) {
            if (!who.role().isUnitBound()) {
                throw ServiceException.forbidden("a report is made by the unit itself", "报告由单位自行上报");
            }
            SupervisionAccess.requireUnit(who, u);
        }
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into campaign_report (id, campaign_id, unit, period_from, period_to, text, figures, reported_by, reported_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, campaignId, u, pf, pt, t, write(figures == null ? Map.of() : figures),
                who.username(), ts(clock.instant()));
        return reports(campaignId, null).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    public List<Report> reports(String campaignId, String unit) {
        get(campaignId);
        List<Object> args = new ArrayList<>(List.of(campaignId));
        if (unit != null) {
            args.add(unit);
        }
        return jdbc.query("select * from campaign_report where campaign_id = ?" + (unit != null ? " and unit = ?" : "")
                        + " order by period_from, unit, reported_at",
                (rs, i) -> new Report(rs.getString("id"), campaignId, rs.getString("unit"),
                        new SupervisionViews.Period(rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class)),
                        rs.getString("text"), read(rs.getString("figures")), rs.getString("reported_by"), instant(rs, "reported_at")),
                args.toArray());
    }

    /** The reporting periods of a campaign: every {@code reportEvery} from its first day to its last. */
    public static List<SupervisionViews.Period> periods(Campaign c) {
        List<SupervisionViews.Period> out = new ArrayList<>();
        if (c.phases().isEmpty()) {
            return out;
        }
        LocalDate start = c.phases().get(0).from();
        LocalDate end = c.phases().get(c.phases().size() - 1).to();
        Period every = Period.parse(c.reportEvery());
        for (LocalDate from = start; !from.isAfter(end); from = from.plus(every)) {
            LocalDate to = from.plus(every).minusDays(1);
            out.add(new SupervisionViews.Period(from, to.isAfter(end) ? end : to));
        }
        return out;
    }

    /** 未报 – per elapsed period (its last day before {@code asOf}), the units without a report covering it. */
    public Missing missing(Account who, String campaignId, String asOf) {
        Campaign c = get(campaignId);
        Fields f = new Fields();
        LocalDate day = asOf == null || asOf.isBlank() ? LocalDate.now(clock.withZone(rules.zone())) : dateOrInstant(f, "asOf", asOf);
        f.throwIfInvalid();
        List<Report> reports = reports(campaignId, null);
        List<MissingPeriod> periods = new ArrayList<>();
        List<MissingUnit> flat = new ArrayList<>();
        for (SupervisionViews.Period p : periods(c)) {
            if (!p.to().isBefore(day)) {
                break;
            }
            List<String> without = new ArrayList<>();
            for (String u : c.units()) {
                if (who.role().isUnitBound() && !u.equals(who.unit())) {
                    continue;
                }
                boolean covered = reports.stream().anyMatch(r -> r.unit().equals(u)
                        && !r.period().from().isAfter(p.to()) && !r.period().to().isBefore(p.from()));
                if (!covered) {
                    without.add(u);
                    flat.add(new MissingUnit(u, p));
                }
            }
            periods.add(new MissingPeriod(p.from(), p.to(), without));
        }
        return new Missing(campaignId, day, periods, flat);
    }

    // ---------------------------------------------------------------- helpers

    List<Phase> phases(String campaignId) {
        return jdbc.query("select * from campaign_phase where campaign_id = ? order by seq", (rs, i) -> new Phase(rs.getString("name"),
                rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class)), campaignId);
    }

    List<String> unitsOf(String campaignId) {
        return jdbc.queryForList("select unit from campaign_unit where campaign_id = ? order by unit", String.class, campaignId);
    }

    List<String> unitList(Fields f, String field, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            f.add(field, "at least one unit is required", "至少需要一个单位");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String u : ids) {
            if (u == null || !units.exists(u)) {
                f.add(field, "unknown unit: " + u, "单位不存在：" + u);
            } else if (!out.contains(u)) {
                out.add(u);
            }
        }
        return out;
    }

    static LocalDate date(Fields f, String field, String value) {
        if (value == null || value.isBlank()) {
            f.add(field, "is required (a date such as 2024-02-08)", "必填（日期，如 2024-02-08）");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            f.add(field, "must be a date such as 2024-02-08", "须为日期，如 2024-02-08");
            return null;
        }
    }

    LocalDate dateOrInstant(Fields f, String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).atZoneSameInstant(rules.zone()).toLocalDate();
            } catch (DateTimeParseException e2) {
                f.add(field, "must be a date (2024-02-08) or a time with offset", "须为日期（2024-02-08）或带时区的时间");
                return null;
            }
        }
    }

    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> read(String s) {
        if (s == null) {
            return Map.of();
        }
        try {
            return json.readValue(s, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
