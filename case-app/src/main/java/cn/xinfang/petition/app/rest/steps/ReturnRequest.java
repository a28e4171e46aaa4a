package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.command.ReturnPetitionCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 退回 – the receiving unit sends a transferred case back within 5 working days. */
@Schema(description = "退回 – send a transferred case back (within 5 working days of receiving it)")
public record ReturnRequest(
        @Schema(requiredMode = REQUIRED, description = "why the case is not this unit's", example = "不属本村管辖")
        String reason,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        String reason = f.text("reason", reason());
        return id -> new ReturnPetitionCommand(id, reason, c.actor(), c.occurredAt(), c.now());
    }
}
