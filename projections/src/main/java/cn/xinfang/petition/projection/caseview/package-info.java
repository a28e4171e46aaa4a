/**
 * 事项视图 – the view of one case, folded from its events in order. Used for the case view of the
 * API (read straight from the event store, so a command's answer reflects that command) and for
 * the case as it was at a past instant (history {@code asOf}/{@code knownAt}).
 */
package cn.xinfang.petition.projection.caseview;
