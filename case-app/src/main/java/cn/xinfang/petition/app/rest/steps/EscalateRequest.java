package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.EscalationReason;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.command.EscalatePetitionCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 提级 / 包案 – a supervisor raises the case to a responsible leader. */
@Schema(description = "提级 / 包案 – raise the case to a responsible leader (supervisors)")
public record EscalateRequest(
        @Schema(requiredMode = REQUIRED, description = "why", implementation = EscalationReason.class)
        String reason,
        @Schema(requiredMode = REQUIRED, description = "the responsible leader (包案领导), at most 100 characters", example = "王镇长")
        String leader,
        @Schema(description = "the plan (一案一策), at most 2000 characters")
        String plan,
        @Schema(description = "the breached stage, for reason BREACH", implementation = Stage.class)
        String stage,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        EscalationReason reason = f.required("reason", reason(), EscalationReason.class);
        String leader = f.text("leader", leader(), 100);
        String plan = f.optionalText("plan", plan(), 2000);
        Stage stage = f.optional("stage", stage(), Stage.class);
        return id -> new EscalatePetitionCommand(id, reason, leader, plan, stage, c.actor(), c.occurredAt(), c.now());
    }
}
