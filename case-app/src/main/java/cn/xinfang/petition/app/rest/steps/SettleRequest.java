package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.BacklogOutcome;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.command.SettleBacklogCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 化解 (issue 15) – the outcome of a backlog case; CONTAINED keeps it on the backlog with its leader. */
@Schema(description = "化解 – the outcome of a backlog case: SUBSTANTIVE 实体化解, PROCEDURAL 程序性办结, CONTAINED 稳控 "
        + "(stays on the backlog with its leader)")
public record SettleRequest(
        @Schema(requiredMode = REQUIRED, description = "the outcome", implementation = BacklogOutcome.class)
        String outcome,
        @Schema(requiredMode = REQUIRED, description = "how, at most 4000 characters", example = "补发拖欠工资，信访人息诉")
        String text,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-10-20T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        BacklogOutcome outcome = f.required("outcome", outcome(), BacklogOutcome.class);
        String text = f.text("text", text(), 4000);
        return id -> new SettleBacklogCommand(id, outcome, text, c.actor(), c.occurredAt(), c.now());
    }
}
