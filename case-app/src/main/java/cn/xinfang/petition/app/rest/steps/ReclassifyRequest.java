package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.KeyField;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.command.ReclassifyPetitionCommand;
import cn.xinfang.petition.app.problem.Fields;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 改变办理程序 – a supervisor moves the case to the other track. */
@Schema(description = "改变办理程序 – move the case to the other track (supervisors)")
public record ReclassifyRequest(
        @Schema(requiredMode = REQUIRED, description = "the new track", implementation = Track.class)
        String track,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-04T10:00:00+08:00")
        String occurredAt,
        @Schema(description = "重点领域 (issue 15): the key field; with a field, track may be left out", implementation = KeyField.class)
        String field) implements StepRequest {

    /** A change of track only (as before issue 15). */
    public ReclassifyRequest(String track, String occurredAt) {
        this(track, occurredAt, null);
    }

    @Override
    public Function<CaseId, Object> command(Fields f, StepContext c) {
        KeyField field = f.optional("field", field(), KeyField.class);
        boolean fieldOnly = field != null && (track() == null || track().isBlank());
        Track track = fieldOnly ? null : f.required("track", track(), Track.class);
        return id -> new ReclassifyPetitionCommand(id, track, c.actor(), c.occurredAt(), c.now(), field);
    }
}
