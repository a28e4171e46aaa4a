package cn.xinfang.petition.app.rest.steps;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** 复查 / 复核申请 – the body of {@code POST /api/cases/{id}/reviews}: which body reviews, and why. */
@Schema(description = "复查 / 复核申请 – request a review of this case's delivered reply (within 30 days; 复核 on a 复查 case; "
        + "never after 复核); answers 201 with the new review case")
public record ReviewRequest(
        @Schema(requiredMode = REQUIRED, description = "the reviewing unit's id", example = "town")
        String unit,
        @Schema(requiredMode = REQUIRED, description = "the petitioner's reasons", example = "对处理意见不服")
        String reason,
        @Schema(description = StepRequest.OCCURRED_AT, example = "2024-03-20T10:00:00+08:00")
        String occurredAt) {
}
