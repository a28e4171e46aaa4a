package cn.xinfang.petition.app.visits;

import cn.xinfang.petition.api.CaseStatus;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Channel;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.TimeLimitStatus;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.command.RegisterPetitionCommand;
import cn.xinfang.petition.api.visit.*;
import cn.xinfang.petition.app.cases.CaseAccessPolicy;
import cn.xinfang.petition.app.cases.CaseService;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.domain.visit.ReceptionRota;
import cn.xinfang.petition.projection.caseview.CaseView;
import cn.xinfang.petition.projection.caseview.TimeLimitView;
import cn.xinfang.petition.projection.visit.ReceptionRow;
import cn.xinfang.petition.projection.visit.RotaRow;
import cn.xinfang.petition.projection.visit.VisitQueries;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 大接访: the unit's reception rota (generated from the business calendar, swapped day by day),
 * reception records (a case raised at one is linked both ways) and the compliance list (接访落实).
 */
@Service
public class ReceptionService {

    private final CommandGateway commands;
    private final VisitQueries queries;
    private final VisitService visits;
    private final CaseService cases;
    private final CaseAccessPolicy access;
    private final Clock clock;
    private final TransactionTemplate transactions;

    /** 重复访: a case raised at a reception is checked against the person's earlier cases like any registration. */
    private final cn.xinfang.petition.app.persons.PersonService registry;

    public ReceptionService(CommandGateway commands, VisitQueries queries, VisitService visits, CaseService cases,
                            CaseAccessPolicy access, Clock clock, PlatformTransactionManager tm,
                            cn.xinfang.petition.app.persons.PersonService registry) {
        this.registry = registry;
        this.commands = commands;
        this.queries = queries;
        this.visits = visits;
        this.cases = cases;
        this.access = access;
        this.clock = clock;
        this.transactions = new TransactionTemplate(tm);
    }

    public List<VisitViews.RotaDay> generateRota(Account who, String unit, LocalDate from, LocalDate to, String monday, String friday,
                                                 List<String> others) {
        commands.sendAndWait(new GenerateRotaCommand(ReceptionRota.idOf(unit), unit, from, to, monday, friday, others, who.actor(),
                clock.instant()));
        return days(queries.rota(unit, from, to));
    }

    public List<VisitViews.RotaDay> rota(Account who, String unit, LocalDate from, LocalDate to) {
        return days(queries.rota(access.unitScope(who, unit), from, to));
    }

    public VisitViews.RotaDay swap(Account who, String unit, LocalDate date, String leader, String reason) {
        if (queries.rota(unit, date, date).isEmpty()) {
            throw ServiceException.notFound("rota-day-not-scheduled", date + " has no rota entry for unit " + unit,
                    date + " 在单位 " + unit + " 没有排班");
        }
        commands.sendAndWait(new SwapRotaDayCommand(ReceptionRota.idOf(unit), date, leader, reason, who.actor(), clock.instant()));
        return days(queries.rota(unit, date, date)).get(0);
    }

    private List<VisitViews.RotaDay> days(List<RotaRow> rows) {
        return rows.stream().map(r -> new VisitViews.RotaDay(r.date(), r.leader(), displayName(r.leader()), r.reason())).toList();
    }

    /** A reception, and with {@code track} given a case (channel 领导接访) raised from it, linked both ways. */
    public VisitViews.Reception record(Account who, String unit, LocalDate date, String leader, ReceptionKind kind, Petitioner petitioner,
                                       int headcount, String demands, Track track, Category category) {
        String id = UUID.randomUUID().toString();
        Petitioner person = registry.identify(petitioner); // the reception and its case: one person
        List<cn.xinfang.petition.api.CaseId> repeatOf = track == null ? List.of()
                : registry.earlierRepeats(person, category, VisitService.subjectOf(demands));
        transactions.executeWithoutResult(s -> {
            commands.sendAndWait(new RecordReceptionCommand(id, unit, date, leader, kind, person, headcount, demands, who.actor(),
                    clock.instant()));
            if (track != null) {
                if (who.role() != cn.xinfang.petition.api.Role.LEADER) {
                    access.requireRegister(who); // a leader raises from their own unit's record (PetitionCase)
                }
                CaseView c = cases.register(who, null, null, null, (caseId, caseNo) -> new RegisterPetitionCommand(caseId, caseNo,
                        track, Channel.LEADER_RECEPTION, category, person, headcount, VisitService.subjectOf(demands), demands, unit,
                        null, who.actor(), null, clock.instant(), null, id, null, repeatOf)).view();
                commands.sendAndWait(new LinkReceptionCaseCommand(id, c.id(), who.actor(), clock.instant()));
            }
        });
        return view(id, who);
    }

    public VisitViews.Reception view(String id, Account who) {
        ReceptionRow r = queries.reception(id).orElseThrow(() -> ServiceException.notFound("reception-not-found",
                "reception " + id + " does not exist; check the id", "接访记录 " + id + " 不存在，请核对编号"));
        visits.requireRead(who, r.unit());
        return view(r);
    }

    public List<VisitViews.Reception> list(Account who, String unit, LocalDate from, LocalDate to) {
        return queries.receptions(access.unitScope(who, unit), from, to).stream().map(this::view).toList();
    }

    private VisitViews.Reception view(ReceptionRow r) {
        return new VisitViews.Reception(r.receptionId(), r.unit(), r.date(), r.leader(), displayName(r.leader()), r.kind(),
                VisitService.person(new Petitioner(r.personName(), r.idNumber(), r.phone(), r.address(), r.personId()), false), r.headcount(),
                r.demands(), r.caseId(), r.recordedAt(), r.recordedBy());
    }

    /**
     * 接访落实: per rota day whether the leader on duty recorded a reception that day, how many cases
     * were raised, and those still open with their overdue stages (所有接访事项紧盯紧督).
     */
    public List<VisitViews.ComplianceDay> compliance(Account who, String unit, LocalDate from, LocalDate to) {
        String scope = access.unitScope(who, unit);
        List<ReceptionRow> receptions = queries.receptions(null, from, to);
        Instant now = clock.instant();
        List<VisitViews.ComplianceDay> rows = new ArrayList<>();
        for (RotaRow day : queries.rota(scope, from, to)) {
            List<ReceptionRow> held = receptions.stream()
                    .filter(r -> r.date().equals(day.date()) && r.leader().equals(day.leader())).toList();
            int raised = 0;
            List<VisitViews.OpenCase> open = new ArrayList<>();
            for (ReceptionRow r : held) {
                if (r.caseId() == null) {
                    continue;
                }
                raised++;
                CaseView c = cases.load(r.caseId()).view(false);
                if (c.status() != CaseStatus.RESOLVED && c.status() != CaseStatus.DECLINED) {
                    List<String> overdue = c.timeLimits().stream().filter(l -> overdue(l, now)).map(l -> l.stage().name()).distinct().toList();
                    open.add(new VisitViews.OpenCase(c.id(), c.caseNo(), c.status().name(), overdue));
                }
            }
            rows.add(new VisitViews.ComplianceDay(day.date(), day.leader(), displayName(day.leader()), !held.isEmpty(), held.size(), raised,
                    open));
        }
        return rows;
    }

    private static boolean overdue(TimeLimitView l, Instant now) {
        return l.status() == TimeLimitStatus.BREACHED
                || ((l.status() == TimeLimitStatus.OPEN || l.status() == TimeLimitStatus.WARNED) && l.dueAt() != null && l.dueAt().isBefore(now));
    }

    private String displayName(String username) {
        return visits.visitorNames(List.of(username)).get(0).displayName();
    }
}
