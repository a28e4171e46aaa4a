package cn.xinfang.petition.app.calendar;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.command.RecomputeTimeLimitsCommand;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.app.cases.CaseService;
import cn.xinfang.petition.projection.caseview.CaseView;
import cn.xinfang.petition.projection.caseview.TimeLimitView;
import cn.xinfang.petition.time.TimeLimitCalculator;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.ops.Projections;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.AdminAuditLog;
import cn.xinfang.petition.app.ops.Timers;
import cn.xinfang.petition.projection.overdue.OverdueProjection;
import cn.xinfang.petition.time.BusinessCalendar;
import cn.xinfang.petition.time.CalendarFile;
import cn.xinfang.petition.time.InvalidCalendarException;
import cn.xinfang.petition.time.TimeRules;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static cn.xinfang.petition.projection.support.Sql.instant;

/**
 * Loads calendar revisions. A revision is a calendar file of the shipped shape laid over the
 * calendar in force (a year it contains replaces that year). It is stored with who loaded it and
 * when, put in force at once, and then every case with a running stage due on or after the first
 * date the revision changes is sent {@code RecomputeTimeLimits}; the case recomputes only the open
 * stages whose instants change, once per revision. Progress is stored per case, so a revision
 * interrupted by a crash resumes at the next start. Stored revisions are laid over the configured
 * calendar again at every start, so a revision survives restarts.
 */
@Service
@DependsOn("flywayInitializer")
public class CalendarRevisions implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CalendarRevisions.class);

    /** A stored revision and its progress. */
    public record Revision(String version, String previousVersion, String loadedBy, Instant loadedAt, LocalDate changedFrom,
                           String status, int casesTotal, int casesDone, Instant finishedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TimeRules rules;
    private final CommandGateway commands;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "calendar-revision");
        t.setDaemon(true);
        return t;
    });

    private final java.util.Set<String> applied = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService follower = Timers.daemon("calendar-follower");
    private final Projections projections;
    private final CaseService caseService;
    private final AdminAuditLog auditLog;

    public CalendarRevisions(JdbcTemplate jdbc, TimeRules rules, CommandGateway commands, Clock clock, Projections projections,
                             CaseService caseService, AdminAuditLog auditLog) {
        this.auditLog = auditLog;
        this.projections = projections;
        this.caseService = caseService;
        this.jdbc = jdbc;
        this.rules = rules;
        this.commands = commands;
        this.clock = clock;
    }

    /** At start: the stored revisions are put in force again, in order; unfinished ones resume. */
    @Override
    public void afterSingletonsInstantiated() {
        List<String[]> stored = jdbc.query("select version, content, status from calendar_revision order by loaded_at",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
        for (String[] r : stored) {
            rules.reviseCalendar(rules.calculator().time().calendar().mergedWith(parse(r[1])));
            applied.add(r[0]);
        }
        follower.scheduleWithFixedDelay(this::followSafely, 30, 30, java.util.concurrent.TimeUnit.SECONDS);
        stored.stream().filter(r -> !"DONE".equals(r[2])).forEach(r -> {
            log.info("resuming calendar revision {}", r[0]);
            worker.submit(() -> run(r[0]));
        });
    }

    /** One open stage a revision would move: its due and warning instants now and under the revision. */
    public record MovedStage(String caseId, String caseNo, String unit, Stage stage, Instant dueNow, Instant warningNow,
                             Instant dueRevised, Instant warningRevised) {
    }

    /** What a revision would do, before it is put in force: its version, the first date it changes, the stages it moves. */
    public record Preview(String version, String currentVersion, LocalDate changedFrom, int casesChecked, List<MovedStage> moved) {
    }

    /**
     * 预览 – the open stages a calendar file would move, counted exactly as the cases would count them
     * ({@link TimeLimitCalculator#recompute} on the revised calendar), without putting it in force or
     * recording anything. The same refusals as {@link #load}: an unreadable file, or one that changes nothing.
     */
    public Preview preview(String json) {
        BusinessCalendar current = rules.calculator().time().calendar();
        BusinessCalendar revised = current.mergedWith(parse(json));
        if (revised.version().equals(current.version())) {
            throw unchanged(current);
        }
        Optional<LocalDate> changedFrom = current.firstDifference(revised);
        List<String> cases = changedFrom.map(this::casesDueFrom).orElse(List.of());
        TimeLimitCalculator calc = rules.calculator().withTime(rules.calculator().time().withCalendar(revised));
        List<MovedStage> moved = new java.util.ArrayList<>();
        for (String caseId : cases) {
            CaseView view = caseService.load(caseId).view(false);
            for (TimeLimitView l : view.timeLimits()) {
                if (l.stoppedAt() != null || l.explanation() == null) {
                    continue;
                }
                TimeLimit now = new TimeLimit(l.stage(), l.startedAt(), l.limit(), l.extensions(), l.dueAt(), l.warningAt(), l.rule(),
                        null, 0, l.explanation().data());
                calc.recompute(now, view.track()).filter(fresh -> fresh.instantsDifferFrom(now)).ifPresent(fresh ->
                        moved.add(new MovedStage(caseId, view.caseNo(), view.unit(), l.stage(), now.due(), now.warning(), fresh.due(),
                                fresh.warning())));
            }
        }
        moved.sort(java.util.Comparator.comparing(MovedStage::caseNo).thenComparing(MovedStage::stage));
        return new Preview(revised.version(), current.version(), changedFrom.orElse(null), cases.size(), moved);
    }

    /** Loads a revision; answers the stored revision (status RUNNING while cases are recomputed). */
    public Revision load(Account who, String json) {
        BusinessCalendar overlay = parse(json);
        BusinessCalendar current = rules.calculator().time().calendar();
        BusinessCalendar revised = current.mergedWith(overlay);
        if (revised.version().equals(current.version())) {
            throw unchanged(current);
        }
        Optional<LocalDate> changedFrom = current.firstDifference(revised);
        List<String> cases = changedFrom.map(this::casesDueFrom).orElse(List.of());
        Instant now = clock.instant();
        jdbc.update("insert into calendar_revision (version, previous_version, content, loaded_by, loaded_at, changed_from, status, "
                        + "cases_total, cases_done) values (?, ?, ?, ?, ?, ?, 'RUNNING', ?, 0)", revised.version(), current.version(), json,
                who.username(), Timestamp.from(now), changedFrom.map(Date::valueOf).orElse(null), cases.size());
        jdbc.batchUpdate("insert into calendar_revision_case (version, case_id, done) values (?, ?, false)",
                cases.stream().map(c -> new Object[]{revised.version(), c}).toList());
        auditLog.record(now, who.username(), "load-calendar", revised.version(),
                "previous " + current.version() + ", changes from " + changedFrom.map(LocalDate::toString).orElse("-") + ", "
                        + cases.size() + " open case(s) to recompute");
        rules.reviseCalendar(revised);
        applied.add(revised.version());
        log.info("calendar revision {} in force (was {}); {} case(s) to recompute", revised.version(), current.version(), cases.size());
        worker.submit(() -> run(revised.version()));
        return find(revised.version()).orElseThrow();
    }

    private static ServiceException unchanged(BusinessCalendar current) {
        return new ServiceException(ServiceException.Kind.CONFLICT, "calendar-unchanged",
                "this calendar changes nothing: the calendar in force is already " + current.version(),
                "该日历与现行日历相同（" + current.version() + "），无需修订");
    }

    /**
     * The open cases with a running stage due on or after {@code from} (from the overdue view, once it has caught up): its
     * due instant by its latest version, as the run's row keeps it (Flyway V95).
     */
    private List<String> casesDueFrom(LocalDate from) {
        awaitOverdueView();
        ZoneId zone = rules.calculator().time().zone();
        return jdbc.queryForList("""
                select distinct r.case_id from time_limit_run r
                 where r.stopped_at is null and r.due_at >= ?
                 order by r.case_id""",
                String.class, Timestamp.from(from.atStartOfDay(zone).toInstant()));
    }

    /**
     * The cases to recompute are found in the overdue view; wait (up to a minute) until it has
     * handled every event already stored, so that no running stage is missed.
     */
    private void awaitOverdueView() {
        Instant until = clock.instant().plusSeconds(60);
        while (clock.instant().isBefore(until)) {
            Projections.Status s = projections.status(OverdueProjection.NAME);
            if (s.caughtUp()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("the overdue view is still catching up; cases it has not seen yet are not recomputed by this revision");
    }

    /**
     * Another node may have loaded a revision: put every stored revision not yet in force here into
     * force, in order (checked every 30 seconds).
     */
    void followOtherNodes() {
        List<String[]> stored = jdbc.query("select version, content from calendar_revision order by loaded_at",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2)});
        for (String[] r : stored) {
            if (applied.add(r[0])) {
                BusinessCalendar revised = rules.calculator().time().calendar().mergedWith(parse(r[1]));
                rules.reviseCalendar(revised);
                log.info("calendar revision {} loaded on another node is now in force here", r[0]);
            }
        }
    }

    public List<Revision> all() {
        return jdbc.query("select * from calendar_revision order by loaded_at", CalendarRevisions::revision);
    }

    public Optional<Revision> find(String version) {
        return jdbc.query("select * from calendar_revision where version = ?", CalendarRevisions::revision, version).stream().findFirst();
    }

    /** Sends the recomputation to every case of the revision not yet done, marking each as it goes. */
    void run(String version) {
        List<String> pending = jdbc.queryForList("select case_id from calendar_revision_case where version = ? and done = false order by case_id",
                String.class, version);
        int failed = 0;
        for (String caseId : pending) {
            try {
                commands.sendAndWait(new RecomputeTimeLimitsCommand(new CaseId(caseId), version, Actor.SYSTEM, clock.instant()));
            } catch (RuntimeException e) {
                // left pending: the next start (or a later run) tries this case again
                failed++;
                log.warn("calendar revision {}: case {} not recomputed, will retry: {}", version, caseId, e.getMessage());
                continue;
            }
            jdbc.update("update calendar_revision_case set done = true where version = ? and case_id = ?", version, caseId);
            jdbc.update("update calendar_revision set cases_done = cases_done + 1 where version = ?", version);
        }
        if (failed == 0) {
            jdbc.update("update calendar_revision set status = 'DONE', finished_at = ? where version = ?", Timestamp.from(clock.instant()), version);
            log.info("calendar revision {} done", version);
        } else {
            jdbc.update("update calendar_revision set status = 'INCOMPLETE' where version = ?", version);
            log.warn("calendar revision {}: {} case(s) to retry", version, failed);
        }
    }

    private void followSafely() {
        try {
            followOtherNodes();
        } catch (RuntimeException e) {
            log.warn("could not check for calendar revisions of other nodes: {}", e.getMessage());
        }
    }

    private static BusinessCalendar parse(String json) {
        try {
            return CalendarFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "the uploaded calendar");
        } catch (InvalidCalendarException e) {
            throw new ServiceException(ServiceException.Kind.INVALID, "invalid-calendar", e.getMessage(), "日历文件格式错误：" + e.getMessage());
        }
    }

    private static Revision revision(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Date changed = rs.getDate("changed_from");
        return new Revision(rs.getString("version"), rs.getString("previous_version"), rs.getString("loaded_by"),
                instant(rs, "loaded_at"), changed == null ? null : changed.toLocalDate(), rs.getString("status"),
                rs.getInt("cases_total"), rs.getInt("cases_done"), instant(rs, "finished_at"));
    }
}
