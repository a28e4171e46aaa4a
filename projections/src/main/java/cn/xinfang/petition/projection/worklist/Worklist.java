package cn.xinfang.petition.projection.worklist;

import cn.xinfang.petition.projection.ledger.LedgerEntry;
import cn.xinfang.petition.projection.overdue.OpenTimeLimit;

import java.util.List;

/** A page of the work list; {@code total} open cases match. */
public record Worklist(long total, int page, int size, List<Item> items) {

    /** One open case: its ledger row and its running stages, most urgent first. */
    public record Item(LedgerEntry entry, List<OpenTimeLimit> running) {

        public OpenTimeLimit next() {
            return running.isEmpty() ? null : running.get(0);
        }
    }
}
