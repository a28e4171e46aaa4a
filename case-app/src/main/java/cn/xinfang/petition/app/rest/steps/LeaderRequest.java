package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.LeaderPlan;
import cn.xinfang.petition.api.command.AssignLeaderCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 包案 (issue 15) – a supervisor or administrator assigns the one active leader of an escalated case, with the plan. */
@Schema(description = "包案 – assign the one active leader of an escalated case with the plan (一案一策); a new assignment "
        + "replaces the previous one and says why (supervisors, administrators)")
public record LeaderRequest(
        @Schema(requiredMode = REQUIRED, description = "the username of a LEADER or SUPERVISOR", example = "leader")
        String leader,
        @Schema(requiredMode = REQUIRED, description = "一案一策: crux (症结), measures (措施), responsible (责任人), targetDate (时限)")
        Plan plan,
        @Schema(description = "why; required when a leader is replaced", example = "原包案领导调离")
        String reason,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-09-23T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    /** 一案一策. */
    public record Plan(
            @Schema(requiredMode = REQUIRED, description = "症结 – the crux of the matter") String crux,
            @Schema(requiredMode = REQUIRED, description = "措施 – the measures") String measures,
            @Schema(requiredMode = REQUIRED, description = "责任人 – who is answerable") String responsible,
            @Schema(requiredMode = REQUIRED, description = "时限 – the target date (yyyy-MM-dd)", example = "2024-12-31") String targetDate) {
    }

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        String username = f.text("leader", leader(), 64);
        Actor actor = null;
        if (username != null) {
            actor = c.userActor().apply(username).orElse(null);
            if (actor == null) {
                f.add("leader", "user \"" + username + "\" does not exist; name a LEADER or SUPERVISOR",
                        "用户 \"" + username + "\" 不存在；请填写领导或督查人员的用户名");
            }
        }
        Plan p = plan() == null ? new Plan(null, null, null, null) : plan();
        String crux = f.text("plan.crux", p.crux(), 2000);
        String measures = f.text("plan.measures", p.measures(), 2000);
        String responsible = f.text("plan.responsible", p.responsible(), 200);
        LocalDate target = null;
        if (p.targetDate() == null || p.targetDate().isBlank()) {
            f.add("plan.targetDate", "is required: the target date (时限), yyyy-MM-dd", "必填：化解时限，格式 yyyy-MM-dd");
        } else {
            try {
                target = LocalDate.parse(p.targetDate().trim());
            } catch (DateTimeParseException e) {
                f.add("plan.targetDate", "is not a date; use yyyy-MM-dd, e.g. 2024-12-31", "日期格式错误，请使用 yyyy-MM-dd，如 2024-12-31");
            }
        }
        String why = f.optionalText("reason", reason(), 2000);
        LeaderPlan plan = new LeaderPlan(crux, measures, responsible, target);
        Actor leaderActor = actor;
        return id -> new AssignLeaderCommand(id, leaderActor, plan, why, c.actor(), c.occurredAt(), c.now());
    }
}
