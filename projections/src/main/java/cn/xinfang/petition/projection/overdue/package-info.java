/**
 * 超期 / 预警 lists – every run of a stage against its limit, kept bitemporally: each fact has
 * the time it happened and the time it was recorded, so the lists can be asked "as of" an
 * instant and "as known at" another. Lateness and time left are computed at query time from the
 * stored due instants, so a stopped saga cannot hide a late case.
 */
package cn.xinfang.petition.projection.overdue;
