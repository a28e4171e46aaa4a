package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.LimitUnit;
import cn.xinfang.petition.api.supervision.RectificationCommands;
import cn.xinfang.petition.app.cases.Units;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.UserAccounts;
import cn.xinfang.petition.app.supervision.SupervisionViews.Finding;
import cn.xinfang.petition.app.supervision.SupervisionViews.Inspection;
import cn.xinfang.petition.time.TimeRules;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.xinfang.petition.projection.support.Sql.instant;
import static cn.xinfang.petition.projection.support.Sql.ts;

/** 督查 – inspections with their findings, and the rectifications (整改意见) issued for a finding. */
@Service
public class InspectionService {

    public static final Set<String> KINDS = Set.of("JOINT", "SPECIAL", "SPOT");
    public static final Set<String> METHODS = Set.of("HEARING", "RECORDS", "SITE", "UNANNOUNCED");
    public static final Set<String> FINDING_KINDS = Set.of("RESPONSIBILITY", "NOT_SERIOUS", "INACTION", "SLOW");

    /** A finding as the request gives it. */
    public record FindingInput(String kind, String text, String caseId) {
    }

    private final JdbcTemplate jdbc;
    private final Units units;
    private final UserAccounts accounts;
    private final Clock clock;
    private final TimeRules rules;
    private final CampaignService campaigns;
    private final CommandGateway commands;
    private final RectificationQueries rectifications;

    public InspectionService(JdbcTemplate jdbc, Units units, UserAccounts accounts, Clock clock, TimeRules rules,
                             CampaignService campaigns, CommandGateway commands, RectificationQueries rectifications) {
        this.jdbc = jdbc;
        this.units = units;
        this.accounts = accounts;
        this.clock = clock;
        this.rules = rules;
        this.campaigns = campaigns;
        this.commands = commands;
        this.rectifications = rectifications;
    }

    @Transactional
    public Inspection create(Account who, String campaignId, String kind, List<String> methods, String unit, String date,
                             List<String> inspectors, List<FindingInput> findings) {
        SupervisionAccess.requireSupervisor(who);
        Fields f = new Fields();
        if (campaignId != null && !campaignId.isBlank()
                && jdbc.queryForObject("select count(*) from campaign where id = ?", Integer.class, campaignId) == 0) {
            f.add("campaignId", "unknown campaign: " + campaignId, "专项行动不存在：" + campaignId);
        }
        String k = oneOf(f, "kind", kind, KINDS);
        List<String> ms = new ArrayList<>();
        if (methods == null || methods.isEmpty()) {
            f.add("methods", "at least one of " + METHODS, "至少一种督查方式：" + METHODS);
        } else {
            for (String m : methods) {
                String v = oneOf(f, "methods", m, METHODS);
                if (v != null && !ms.contains(v)) {
                    ms.add(v);
                }
            }
        }
        if (unit == null || !units.exists(unit)) {
            f.add("unit", "unknown unit: " + unit, "单位不存在：" + unit);
        }
        LocalDate d = CampaignService.date(f, "date", date);
        if (d != null && d.atStartOfDay(rules.zone()).toInstant().isAfter(clock.instant())) {
            f.add("date", "is in the future", "晚于今天");
        }
        List<String> is = new ArrayList<>();
        if (inspectors == null || inspectors.isEmpty()) {
            f.add("inspectors", "at least one inspector (username) is required", "至少一名督查人员（用户名）");
        } else {
            for (String u : inspectors) {
                if (u == null || accounts.find(u).isEmpty()) {
                    f.add("inspectors", "unknown user: " + u, "用户不存在：" + u);
                } else if (!is.contains(u)) {
                    is.add(u);
                }
            }
        }
        List<Finding> fs = new ArrayList<>();
        if (findings != null) {
            for (int i = 0; i < findings.size(); i++) {
                FindingInput in = findings.get(i);
                String field = "findings[" + i + "]";
                if (in == null) {
                    f.add(field, "is required", "必填");
                    continue;
                }
                String fk = oneOf(f, field + ".kind", in.kind(), FINDING_KINDS);
                String text = f.text(field + ".text", in.text(), Fields.LONG_TEXT);
                String caseId = in.caseId() == null || in.caseId().isBlank() ? null : in.caseId();
                if (caseId != null && jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ? and sequencenumber = 0",
                        Integer.class, caseId) == 0) {
                    f.add(field + ".caseId", "unknown case: " + caseId, "信访事项不存在：" + caseId);
                }
                fs.add(new Finding(i, fk, text, caseId));
            }
        }
        f.throwIfInvalid();
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into inspection (id, campaign_id, kind, methods, unit, inspection_date, inspectors, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, campaignId == null || campaignId.isBlank() ? null : campaignId, k,
                String.join(",", ms), unit, d, String.join(",", is), who.username(), ts(clock.instant()));
        for (Finding x : fs) {
            jdbc.update("insert into inspection_finding (inspection_id, idx, kind, text, case_id) values (?, ?, ?, ?, ?)",
                    id, x.index(), x.kind(), x.text(), x.caseId());
        }
        return get(who, id);
    }

    public Inspection get(Account who, String id) {
        List<Inspection> found = jdbc.query("select * from inspection where id = ?", (rs, i) -> row(rs), id);
        if (found.isEmpty()) {
            throw ServiceException.notFound("inspection-not-found", "the inspection does not exist; check the id", "督查记录不存在，请核对编号");
        }
        SupervisionAccess.requireUnit(who, found.get(0).unit());
        return found.get(0);
    }

    public List<Inspection> list(Account who, String unit) {
        String u = SupervisionAccess.seesEveryUnit(who) ? unit : who.unit();
        return u == null
                ? jdbc.query("select * from inspection order by inspection_date desc, created_at desc", (rs, i) -> row(rs))
                : jdbc.query("select * from inspection where unit = ? order by inspection_date desc, created_at desc", (rs, i) -> row(rs), u);
    }

    /** 整改意见 for finding {@code finding}, counted from the inspection's date. */
    public SupervisionViews.Rectification issue(Account who, String inspectionId, Integer finding, String unit, String requirement,
                                                Long amount, String limitUnit) {
        SupervisionAccess.requireSupervisor(who);
        Inspection in = get(who, inspectionId);
        Fields f = new Fields();
        if (finding == null || finding < 0 || finding >= in.findings().size()) {
            f.add("finding", "must be the index of a finding of the inspection (0 to " + (in.findings().size() - 1) + ")",
                    "须为本次督查发现问题的序号（0 至 " + (in.findings().size() - 1) + "）");
        }
        String u = unit == null || unit.isBlank() ? in.unit() : unit;
        if (!units.exists(u)) {
            f.add("unit", "unknown unit: " + u, "单位不存在：" + u);
        }
        String req = f.text("requirement", requirement, Fields.LONG_TEXT);
        LimitAmount limit = limit(f, "limit", amount, limitUnit);
        f.throwIfInvalid();
        String id = UUID.randomUUID().toString();
        Instant start = in.date().atStartOfDay(rules.zone()).toInstant();
        commands.sendAndWait(new RectificationCommands.Issue(id, inspectionId, finding, u, req, limit, start, who.actor(),
                clock.instant()));
        return rectifications.get(who, id);
    }

    /** A limit of a rectification or a supervision: 1 to 365 working or calendar days. */
    public static LimitAmount limit(Fields f, String field, Long amount, String unit) {
        if (amount == null || amount < 1 || amount > 365) {
            f.add(field + ".amount", "must be from 1 to 365", "须为 1 至 365");
        }
        LimitUnit u = null;
        if (unit == null || !(unit.equals("WORKING_DAYS") || unit.equals("CALENDAR_DAYS"))) {
            f.add(field + ".unit", "must be WORKING_DAYS or CALENDAR_DAYS", "须为 WORKING_DAYS（工作日）或 CALENDAR_DAYS（自然日）");
        } else {
            u = LimitUnit.valueOf(unit);
        }
        return f.ok() && u != null ? new LimitAmount(amount, u) : null;
    }

    private Inspection row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String id = rs.getString("id");
        List<Finding> fs = jdbc.query("select * from inspection_finding where inspection_id = ? order by idx", (r, i) -> new Finding(
                r.getInt("idx"), r.getString("kind"), r.getString("text"), r.getString("case_id")), id);
        return new Inspection(id, rs.getString("campaign_id"), rs.getString("kind"), split(rs.getString("methods")),
                rs.getString("unit"), rs.getObject("inspection_date", LocalDate.class), split(rs.getString("inspectors")), fs,
                rs.getString("created_by"), instant(rs, "created_at"));
    }

    static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }

    static String oneOf(Fields f, String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            f.add(field, "must be one of " + allowed.stream().sorted().toList(), "须为以下之一：" + allowed.stream().sorted().toList());
            return null;
        }
        return value;
    }
}
