package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.command.AcceptPetitionCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

/** 受理 – the unit takes the matter on. */
@Schema(description = "受理 – the unit takes the matter on.")
public record AcceptRequest(
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T09:30:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        return id -> new AcceptPetitionCommand(id, c.actor(), c.occurredAt(), c.now());
    }
}
