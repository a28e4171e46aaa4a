package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.ProgressKind;
import cn.xinfang.petition.api.command.RecordLeaderProgressCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 包案推进 (issue 15) – the case's leader (or a handler of its unit) records progress; LEADER_PROGRESS restarts. */
@Schema(description = "包案推进 – record progress on a backlog case (the case's leader or a handler of its unit); restarts LEADER_PROGRESS")
public record ProgressRequest(
        @Schema(requiredMode = REQUIRED, description = "what was done", implementation = ProgressKind.class)
        String kind,
        @Schema(requiredMode = REQUIRED, description = "what happened, at most 4000 characters", example = "召开协调会")
        String text,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-09-30T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        ProgressKind kind = f.required("kind", kind(), ProgressKind.class);
        String text = f.text("text", text(), 4000);
        return id -> new RecordLeaderProgressCommand(id, kind, text, c.actor(), c.occurredAt(), c.now());
    }
}
