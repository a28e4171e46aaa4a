package cn.xinfang.petition.projection.worklist;

import java.time.Instant;

/**
 * A page of the open cases of {@code unit} (null for all units), optionally of one {@code status} and with a
 * running {@code stage}, most urgent first: by the due instant of the ledger's current stage (the running stage
 * due first; cases with none last), then by case number; each with its stages running at {@code now}.
 */
public record FindWorklistQuery(String unit, String status, String stage, Instant now, int page, int size) {

    public FindWorklistQuery {
        if (now == null || page < 0 || size < 1) {
            throw new IllegalArgumentException("an instant, a page from 0 and a size of 1 or more are needed");
        }
    }
}
