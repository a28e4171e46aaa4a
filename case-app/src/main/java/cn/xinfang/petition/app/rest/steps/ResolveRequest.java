package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Satisfaction;
import cn.xinfang.petition.api.command.ResolvePetitionCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 办结 – the case is concluded. */
@Schema(description = "办结 – conclude the case")
public record ResolveRequest(
        @Schema(requiredMode = REQUIRED, description = "how the matter was concluded", example = "已化解")
        String summary,
        @Schema(description = "the petitioner's rating", implementation = Satisfaction.class)
        String satisfaction,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        String summary = f.text("summary", summary());
        Satisfaction satisfaction = f.optional("satisfaction", satisfaction(), Satisfaction.class);
        return id -> new ResolvePetitionCommand(id, summary, satisfaction, c.actor(), c.occurredAt(), c.now());
    }
}
