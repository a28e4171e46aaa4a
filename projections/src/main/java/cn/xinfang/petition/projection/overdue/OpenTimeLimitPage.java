package cn.xinfang.petition.projection.overdue;

import java.util.List;

/** A page of the overdue or soon-due list; {@code total} entries are in the whole list. */
public record OpenTimeLimitPage(long total, int page, int size, List<OpenTimeLimit> items) {
}
