package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.command.TransferPetitionCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 转送 / 交办 – the case goes to another unit. */
@Schema(description = "转送 / 交办 – send the case to another unit")
public record TransferRequest(
        @Schema(requiredMode = REQUIRED, description = "the receiving unit's id", example = "village-1")
        String toUnit,
        @Schema(requiredMode = REQUIRED, description = "why", example = "属地管理")
        String reason,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        String toUnit = f.text("toUnit", toUnit(), 64);
        if (toUnit != null && !c.unitExists().test(toUnit)) {
            f.add("toUnit", "unit \"" + toUnit + "\" does not exist", "单位 \"" + toUnit + "\" 不存在");
        }
        String reason = f.text("reason", reason());
        return id -> new TransferPetitionCommand(id, toUnit, reason, c.actor(), c.occurredAt(), c.now());
    }
}
