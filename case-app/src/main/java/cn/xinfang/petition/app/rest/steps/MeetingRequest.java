package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.command.RecordMeetingCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 办理见面 / 办结见面 – a meeting with the petitioner took place. */
@Schema(description = "办理见面 / 办结见面 – record a meeting with the petitioner")
public record MeetingRequest(
        @Schema(requiredMode = REQUIRED, description = "which meeting of 一回应两见面", implementation = MeetingKind.class)
        String kind,
        @Schema(description = "where it took place (at most 200 characters)", example = "镇信访办")
        String place,
        @Schema(requiredMode = REQUIRED, description = "what was said", example = "当面沟通处理进展")
        String summary,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt) implements StepRequest {

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        MeetingKind kind = f.required("kind", kind(), MeetingKind.class);
        String summary = f.text("summary", summary());
        String place = f.optionalText("place", place(), 200);
        return id -> new RecordMeetingCommand(id, kind, place, summary, c.actor(), c.occurredAt(), c.now());
    }
}
