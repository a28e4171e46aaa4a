package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.ResponseMode;
import cn.xinfang.petition.api.command.RespondToPetitionerCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 受理回应 – the petitioner is told the matter is accepted. */
@Schema(description = "受理回应 – tell the petitioner the matter is accepted")
public record RespondRequest(
        @Schema(requiredMode = REQUIRED, description = "how the petitioner was told", implementation = ResponseMode.class)
        String mode,
        @Schema(requiredMode = REQUIRED, description = "what they were told", example = "电话告知已受理")
        String summary,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        ResponseMode mode = f.required("mode", mode(), ResponseMode.class);
        String summary = f.text("summary", summary());
        return id -> new RespondToPetitionerCommand(id, mode, summary, c.actor(), c.occurredAt(), c.now());
    }
}
