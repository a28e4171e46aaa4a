package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.command.SignPetitionCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

/** 签收 – the unit takes the case into its hands. */
@Schema(description = "签收 – the unit takes the case into its hands.")
public record SignRequest(
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T09:30:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        return id -> new SignPetitionCommand(id, c.actor(), c.occurredAt(), c.now());
    }
}
