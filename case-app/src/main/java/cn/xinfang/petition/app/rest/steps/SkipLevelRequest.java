package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.SkipLevel;
import cn.xinfang.petition.api.command.RecordSkipLevelCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 越级访 (issue 15) – the petitioner went to Beijing, the province or the city; escalates SKIP_LEVEL once per level. */
@Schema(description = "越级访 – the petitioner of the case went to a higher level; escalates the case SKIP_LEVEL once per level "
        + "(a handler of the case's unit, supervisors)")
public record SkipLevelRequest(
        @Schema(requiredMode = REQUIRED, description = "the level", implementation = SkipLevel.class)
        String level,
        @Schema(requiredMode = REQUIRED, description = "where, at most 200 characters", example = "国家信访局")
        String place,
        @Schema(description = "when the petitioner was there (ISO-8601 with offset); absent: now", example = "2024-09-25T08:00:00+08:00")
        String occurredAt,
        @Schema(description = "what happened, at most 4000 characters", example = "到国家信访局反映拖欠工资")
        String text) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        SkipLevel level = f.required("level", level(), SkipLevel.class);
        String place = f.text("place", place(), 200);
        String text = f.optionalText("text", text(), 4000);
        return id -> new RecordSkipLevelCommand(id, level, place, text, c.actor(), c.occurredAt(), c.now());
    }
}
