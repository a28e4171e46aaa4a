package cn.xinfang.petition.app.visits;

import cn.xinfang.petition.api.CaseStatus;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Channel;
import cn.xinfang.petition.api.PhoneNumber;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.command.RegisterPetitionCommand;
import cn.xinfang.petition.api.visit.*;
import cn.xinfang.petition.app.cases.CaseAccessPolicy;
import cn.xinfang.petition.app.cases.CaseService;
import cn.xinfang.petition.app.cases.PersonalDataAccessLog;
import cn.xinfang.petition.app.persons.PersonIdentity;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.UserAccounts;
import cn.xinfang.petition.projection.caseview.CaseView;
import cn.xinfang.petition.projection.caseview.CaseViewFold;
import cn.xinfang.petition.projection.visit.VisitQueries;
import cn.xinfang.petition.projection.visit.VisitRow;
import cn.xinfang.petition.time.BusinessTime;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.*;

/**
 * 大走访: records and corrects visits, raises a case from one, and answers the lists, the ledger
 * (大走访工作台账) and the coverage (遍访). Handlers and leaders see their own unit's visits, supervisors
 * and auditors every unit's; personal data is masked unless a leader, supervisor or auditor asks to
 * reveal it, which is logged.
 */
@Service
public class VisitService {

    private final CommandGateway commands;
    private final EventStore events;
    private final VisitQueries queries;
    private final VisitNumbers numbers;
    private final CaseService cases;
    private final CaseAccessPolicy access;
    private final PersonalDataAccessLog accessLog;
    private final UserAccounts accounts;
    private final PersonIdentity persons;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BusinessTime time;
    private final TransactionTemplate transactions;

    /** 重复访: a case raised from a visit is checked against the person's earlier cases like any registration. */
    private final cn.xinfang.petition.app.persons.PersonService registry;

    public VisitService(CommandGateway commands, EventStore events, VisitQueries queries, VisitNumbers numbers, CaseService cases,
                        CaseAccessPolicy access, PersonalDataAccessLog accessLog, UserAccounts accounts, PersonIdentity persons,
                        JdbcTemplate jdbc, Clock clock, BusinessTime time, PlatformTransactionManager tm,
                        cn.xinfang.petition.app.persons.PersonService registry) {
        this.registry = registry;
        this.commands = commands;
        this.events = events;
        this.queries = queries;
        this.numbers = numbers;
        this.cases = cases;
        this.access = access;
        this.accessLog = accessLog;
        this.accounts = accounts;
        this.persons = persons;
        this.jdbc = jdbc;
        this.clock = clock;
        this.time = time;
        this.transactions = new TransactionTemplate(tm);
    }

    public VisitViews.Visit record(Account who, String unit, VisitDetails details) {
        String id = UUID.randomUUID().toString();
        String no = numbers.next(unit, details.visitedAt().getYear());
        commands.sendAndWait(new RecordVisitCommand(id, no, unit, details.withPerson(persons.identify(details.person())), who.actor(),
                clock.instant()));
        return view(id, who, false);
    }

    public VisitViews.Visit correct(String id, Account who, VisitDetails details) {
        Folded f = fold(id);
        requireRead(who, f.unit);
        commands.sendAndWait(new CorrectVisitCommand(id, details.withPerson(sameOrNew(f.details.person(), details.person())), who.actor(),
                clock.instant()));
        return view(id, who, false);
    }

    /**
     * The person of a corrected visit: without ID number and phone the visit's person stays who they were
     * (a corrected name is the same person, and keeps their data key); otherwise the corrected identity.
     */
    private Petitioner sameOrNew(Petitioner before, Petitioner corrected) {
        if (corrected != null && corrected.idNumber() == null && corrected.phone() == null && before != null && before.personId() != null
                && !Petitioner.ERASED.equals(before.name())) {
            return corrected.withPersonId(before.personId());
        }
        return persons.identify(corrected);
    }

    /** Raises a case (channel 走访发现) from the visit: petitioner and demands copied; both are linked. */
    public CaseView raiseCase(String id, Account who, Track track, Category category, String subject) {
        Folded f = fold(id);
        requireRead(who, f.unit);
        if (f.caseId != null) {
            throw ServiceException.conflict("case-already-raised", "a case was already raised from this visit: " + f.caseId,
                    "该走访已转为信访事项：" + f.caseId);
        }
        if (who.role() != cn.xinfang.petition.api.Role.LEADER) {
            access.requireRegister(who); // a leader raises from their own unit's record (PetitionCase)
        }
        VisitDetails d = f.details;
        String subj = subject != null ? subject : VisitService.subjectOf(d.demands());
        CaseView[] raised = new CaseView[1];
        List<cn.xinfang.petition.api.CaseId> repeatOf = registry.earlierRepeats(d.person(), category, subj);
        transactions.executeWithoutResult(s -> {
            raised[0] = cases.register(who, null, null, null, (caseId, caseNo) -> new RegisterPetitionCommand(caseId, caseNo, track,
                    Channel.FIELD_VISIT, category, d.person(), 1, subj, d.demands(), f.unit, null, who.actor(), null, clock.instant(),
                    id, null, null, repeatOf)).view();
            commands.sendAndWait(new LinkVisitCaseCommand(id, raised[0].id(), who.actor(), clock.instant()));
        });
        return raised[0];
    }

    static String subjectOf(String demands) {
        String oneLine = demands.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 50 ? oneLine : oneLine.substring(0, 50);
    }

    public VisitViews.Visit view(String id, Account who, boolean reveal) {
        Folded f = fold(id);
        requireRead(who, f.unit);
        if (reveal) {
            requireReveal(who);
            accessLog.revealed(who, id, "visit-view", clock.instant());
        }
        VisitDetails d = f.details;
        return new VisitViews.Visit(id, f.no, f.unit, d.visitedAt(), d.visitors(), visitorNames(d.visitors()), person(d.person(), reveal),
                d.workUnitOrAddress(), d.demands(), d.resolution(), d.remarks(), f.caseId, f.recordedAt, f.recordedBy,
                List.copyOf(f.history));
    }

    public VisitViews.VisitPage list(Account who, String unit, LocalDate from, LocalDate to, String q, int page, int size) {
        String scope = access.unitScope(who, unit);
        VisitQueries.VisitPage p = queries.visits(scope, from, to, q, page, size);
        return new VisitViews.VisitPage(p.items().stream().map(r -> listed(r)).toList(), p.total(), page, size);
    }

    private VisitViews.Visit listed(VisitRow r) {
        VisitViews.PersonView person = new VisitViews.PersonView(r.personName(), ResidentIdNumber.mask(r.idNumber()), PhoneNumber.mask(r.phone()),
                r.address(), true, r.personId());
        return new VisitViews.Visit(r.visitId(), r.visitNo(), r.unit(), r.visitedAt(), r.visitors(), visitorNames(r.visitors()), person,
                r.workUnitOrAddress(), r.demands(), r.resolution(), r.remarks(), r.caseId(), r.recordedAt(), r.recordedBy(), null);
    }

    /** The name of the unit the ledger is for (its id if unknown). */
    public String unitName(String unit) {
        return unit == null ? "全部单位" : jdbc.queryForList("select name from unit where id = ?", String.class, unit).stream().findFirst()
                .orElse(unit);
    }

    /**
     * The rows of the 大走访工作台账 of a unit and period. A visit with a case shows the case's state and
     * opinion as its 化解稳控情况, unless its own resolution text was written after the case last changed.
     */
    public List<VisitViews.LedgerRow> ledger(Account who, String unit, LocalDate from, LocalDate to, boolean reveal) {
        String scope = access.unitScope(who, unit);
        if (reveal) {
            requireReveal(who);
        }
        List<VisitViews.LedgerRow> rows = new ArrayList<>();
        int seq = 1;
        for (VisitRow r : queries.allVisits(scope, from, to)) {
            if (reveal) {
                accessLog.revealed(who, r.visitId(), "visit-ledger", clock.instant());
            }
            String visitors = String.join("、", visitorNames(r.visitors()).stream().map(VisitViews.Visitor::displayName).toList());
            rows.add(new VisitViews.LedgerRow(seq++, r.personName(), r.workUnitOrAddress() != null ? r.workUnitOrAddress() : nz(r.address()),
                    reveal ? nz(r.idNumber()) : nz(ResidentIdNumber.mask(r.idNumber())), reveal ? nz(r.phone()) : nz(PhoneNumber.mask(r.phone())),
                    r.demands(), visitors, resolution(r), nz(r.remarks()), r.visitId(), r.caseId()));
        }
        return rows;
    }

    private String resolution(VisitRow r) {
        String own = nz(r.resolution());
        if (r.caseId() == null) {
            return own;
        }
        CaseFollow c = caseFollow(r.caseId());
        if (c == null || (r.resolutionAt() != null && c.changedAt() != null && r.resolutionAt().isAfter(c.changedAt()))) {
            return own;
        }
        return c.text();
    }

    /** The linked case's state in the ledger's words, and when it last changed. */
    record CaseFollow(String text, Instant changedAt) {
    }

    CaseFollow caseFollow(String caseId) {
        CaseViewFold fold = new CaseViewFold();
        Instant last = null;
        DomainEventStream stream = events.readEvents(caseId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> m = stream.next();
            fold.apply(m.getPayload(), m.getSequenceNumber());
            last = m.getTimestamp();
        }
        if (fold.isEmpty()) {
            return null;
        }
        CaseView v = fold.view(false);
        StringBuilder s = new StringBuilder("已转信访事项 ").append(v.caseNo()).append("，").append(statusLabel(v.status()));
        if (v.opinion() != null) {
            s.append("；处理意见：").append(v.opinion().text());
        }
        if (v.resolution() != null) {
            s.append("；").append(v.resolution().summary());
        }
        return new CaseFollow(s.toString(), last);
    }

    static String statusLabel(CaseStatus status) {
        return switch (status) {
            case REGISTERED -> "已登记";
            case SIGNED -> "已签收";
            case ACCEPTED -> "已受理";
            case OPINION_GIVEN -> "已出具处理意见";
            case RESOLVED -> "已办结";
            case DECLINED -> "不予受理";
            default -> status.name();
        };
    }

    /**
     * 遍访: every distinct petitioner of the unit's cases (same ID number, or same name and phone)
     * visited by the unit in the period or not, and every handler and leader of the unit with the ISO
     * weeks of the period (weeks with a working day in it) in which they recorded neither a visit nor a reception.
     */
    public VisitViews.Coverage coverage(Account who, String unit, LocalDate from, LocalDate to) {
        String scope = access.unitScope(who, unit);
        if (scope == null) {
            throw ServiceException.invalid("unit-required", "name the unit: coverage is per unit", "请指定单位：遍访按单位统计");
        }
        List<PersonCases> people = petitioners(scope);
        Map<PersonCases, VisitRow> firstVisits = firstVisits(people, scope, from, to);
        List<VisitViews.NotVisited> notVisited = new ArrayList<>();
        for (PersonCases pc : people) {
            if (!firstVisits.containsKey(pc)) {
                notVisited.add(new VisitViews.NotVisited(pc.name, List.copyOf(pc.caseIds)));
            }
        }
        int visited = firstVisits.size();
        List<VisitViews.Cadre> cadres = new ArrayList<>();
        Map<String, List<LocalDate>> weeks = weeks(from, to);
        for (Account a : accounts.all()) {
            if (!scope.equals(a.unit()) || (a.role() != Role.HANDLER && a.role() != Role.LEADER)) {
                continue;
            }
            Set<String> active = new HashSet<>();
            queries.visitDays(a.username(), from, to).forEach(d -> active.add(weekOf(d)));
            queries.receptionDays(a.username(), from, to).forEach(d -> active.add(weekOf(d)));
            List<String> missing = weeks.keySet().stream().filter(w -> !active.contains(w)).toList();
            cadres.add(new VisitViews.Cadre(a.username(), a.displayName(), missing));
        }
        return new VisitViews.Coverage(scope, from, to, people.size(), visited, notVisited, cadres);
    }

    private record PersonCases(String name, Set<String> keys, List<String> caseIds) {
    }

    /**
     * 遍访 without the access check (for the campaign summary, itself behind its own): the first visit
     * of {@code unit} in [{@code from}, {@code to}] of each of the unit's petitioners visited then, by
     * the same rule as {@link #coverage}.
     */
    public List<VisitRow> petitionersFirstVisits(String unit, LocalDate from, LocalDate to) {
        return List.copyOf(firstVisits(petitioners(unit), unit, from, to).values());
    }

    /** The unit's petitioners, grouped into persons: two cases are the same person if they share a key. */
    private List<PersonCases> petitioners(String unit) {
        List<PersonCases> people = new ArrayList<>();
        for (VisitQueries.CasePerson p : queries.casePersons(unit)) {
            Set<String> k = keys(p.name(), p.idNumber(), p.phone());
            PersonCases match = people.stream().filter(x -> !Collections.disjoint(x.keys, k)).findFirst().orElse(null);
            if (match == null) {
                match = new PersonCases(p.name(), new HashSet<>(), new ArrayList<>());
                people.add(match);
            }
            match.keys.addAll(k);
            match.caseIds.add(p.caseId());
        }
        return people;
    }

    /** Each of {@code people} visited by {@code unit} in the period, with their first visit (visits in date order). */
    private Map<PersonCases, VisitRow> firstVisits(List<PersonCases> people, String unit, LocalDate from, LocalDate to) {
        Map<PersonCases, VisitRow> first = new LinkedHashMap<>();
        for (VisitRow r : queries.allVisits(unit, from, to)) {
            Set<String> k = keys(r.personName(), r.idNumber(), r.phone());
            people.stream().filter(pc -> !first.containsKey(pc) && !Collections.disjoint(pc.keys, k)).forEach(pc -> first.put(pc, r));
        }
        return first;
    }

    /** The identity keys of a person: the ID number's, and the name-and-phone one (PersonIdentity). */
    private Set<String> keys(String name, String idNumber, String phone) {
        Set<String> k = new HashSet<>();
        if (idNumber != null) {
            k.add("id:" + persons.idNumberHash(idNumber));
        }
        if (phone != null) {
            k.add("np:" + persons.personIdOf(new Petitioner(name, null, phone, null)));
        }
        if (k.isEmpty()) {
            k.add("n:" + persons.personIdOf(new Petitioner(name, null, null, null)));
        }
        return k;
    }

    /** The ISO weeks (2024-W02) of the period that have a working day in it, with those days. */
    Map<String, List<LocalDate>> weeks(LocalDate from, LocalDate to) {
        Map<String, List<LocalDate>> weeks = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (time.isWorkingDay(d)) {
                weeks.computeIfAbsent(weekOf(d), w -> new ArrayList<>()).add(d);
            }
        }
        return weeks;
    }

    static String weekOf(LocalDate d) {
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    List<VisitViews.Visitor> visitorNames(List<String> usernames) {
        return usernames.stream().map(u -> new VisitViews.Visitor(u, accounts.find(u).map(Account::displayName).orElse(u))).toList();
    }

    void requireRead(Account who, String unit) {
        String scope = access.unitScope(who, null);
        if (scope != null && !scope.equals(unit)) {
            throw ServiceException.forbidden("handlers and leaders see only their own unit's records; this one is unit " + unit,
                    "经办人和单位负责人只能查看本单位的记录；该记录属于 " + unit);
        }
    }

    void requireReveal(Account who) {
        if (who.role() != Role.SUPERVISOR && who.role() != Role.AUDITOR && who.role() != Role.LEADER) {
            throw ServiceException.forbidden("only leaders, supervisors and auditors may see personal data unmasked",
                    "只有单位负责人、督查和审计人员可以查看未脱敏的个人信息");
        }
    }

    static VisitViews.PersonView person(Petitioner p, boolean reveal) {
        return new VisitViews.PersonView(p.name(), reveal ? p.idNumber() : ResidentIdNumber.mask(p.idNumber()),
                reveal ? p.phone() : PhoneNumber.mask(p.phone()), p.address(), !reveal, p.personId());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A visit folded from its events. */
    private static final class Folded {
        String unit;
        String no;
        VisitDetails details;
        String caseId;
        Instant recordedAt;
        String recordedBy;
        final List<VisitViews.Change> history = new ArrayList<>();
    }

    private Folded fold(String id) {
        Folded f = new Folded();
        DomainEventStream stream = events.readEvents(id, 0);
        while (stream.hasNext()) {
            Object e = stream.next().getPayload();
            if (e instanceof VisitRecordedEvent r) {
                f.unit = r.unit();
                f.no = r.visitNo();
                f.details = r.details();
                f.recordedAt = r.recordedAt();
                f.recordedBy = r.actor().userId();
                f.history.add(new VisitViews.Change("RECORDED", r.actor().userId(), r.recordedAt()));
            } else if (e instanceof VisitCorrectedEvent c) {
                f.details = c.details();
                f.history.add(new VisitViews.Change("CORRECTED", c.actor().userId(), c.recordedAt()));
            } else if (e instanceof VisitCaseLinkedEvent l) {
                f.caseId = l.caseId();
                f.history.add(new VisitViews.Change("CASE_RAISED", l.actor().userId(), l.recordedAt()));
            }
        }
        if (f.unit == null) {
            throw ServiceException.notFound("visit-not-found", "visit " + id + " does not exist; check the id",
                    "走访记录 " + id + " 不存在，请核对编号");
        }
        return f;
    }
}
