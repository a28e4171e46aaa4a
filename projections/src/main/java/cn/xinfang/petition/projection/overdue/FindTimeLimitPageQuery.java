package cn.xinfang.petition.projection.overdue;

/**
 * One page of the overdue or soon-due list, in the list's order: {@code size} entries from entry
 * {@code page * size} (pages count from 0), with the number of entries of the whole list.
 */
public record FindTimeLimitPageQuery(TimeLimitListQuery list, int page, int size) {

    public FindTimeLimitPageQuery {
        if (list == null || page < 0 || size < 1) {
            throw new IllegalArgumentException("a list, a page from 0 and a size of 1 or more are needed");
        }
    }
}
