package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.supervision.RectificationCommands;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.supervision.SupervisionViews.Rectification;
import cn.xinfang.petition.time.TimeRules;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/** 整改报告 and 验收: the unit reports, a supervisor verifies (closed, or reopened with a new due). */
@Service
public class RectificationService {

    private final CommandGateway commands;
    private final RectificationQueries queries;
    private final Clock clock;
    private final TimeRules rules;

    public RectificationService(CommandGateway commands, RectificationQueries queries, Clock clock, TimeRules rules) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.rules = rules;
    }

    public Rectification report(Account who, String id, String text, String occurredAt) {
        SupervisionAccess.requireUnit(who, queries.unitOf(id));
        Fields f = new Fields();
        Instant now = clock.instant();
        String t = f.text("text", text, Fields.LONG_TEXT);
        Instant at = f.occurredAt("occurredAt", occurredAt, now, rules);
        f.throwIfInvalid();
        commands.sendAndWait(new RectificationCommands.Report(id, t, who.actor(), at != null ? at : now, now));
        return queries.get(who, id);
    }

    public Rectification verify(Account who, String id, Boolean accepted, String text, Long amount, String unit,
                                boolean limitGiven, String occurredAt) {
        SupervisionAccess.requireSupervisor(who);
        queries.unitOf(id);
        Fields f = new Fields();
        Instant now = clock.instant();
        if (accepted == null) {
            f.add("accepted", "is required: true or false", "必填：true（通过）或 false（未通过）");
        }
        String t = f.text("text", text, Fields.LONG_TEXT);
        LimitAmount limit = limitGiven ? InspectionService.limit(f, "limit", amount, unit) : null;
        Instant at = f.occurredAt("occurredAt", occurredAt, now, rules);
        f.throwIfInvalid();
        commands.sendAndWait(new RectificationCommands.Verify(id, accepted, t, limit, who.actor(), at != null ? at : now, now));
        return queries.get(who, id);
    }
}
