package cn.xinfang.petition.process.supervision;

import java.time.Instant;

/** The payload of a rectification's warning or due deadline: which due instant it belongs to. */
public record RectificationDeadline(String rectificationId, Instant due) {
}
