package cn.xinfang.petition.projection.ledger;

import java.util.List;

/** A page of the ledger with the total number of matching cases. */
public record LedgerPage(long total, int page, int size, List<LedgerEntry> items) {
}
