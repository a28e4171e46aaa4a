package cn.xinfang.petition.time;

import cn.xinfang.petition.api.DeadlineExplanation;

import java.time.Instant;

/** The result of counting a limit: the due and warning instants (whole minutes) and how they were found. */
public record Deadline(Instant due, Instant warning, DeadlineExplanation explanation) {

    /** True when part of the span lies in a year without holiday data (counted Monday–Friday). */
    public boolean fallback() {
        return explanation.fallback();
    }
}
