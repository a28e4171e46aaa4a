/**
 * 统计 – per-unit figures for the periodic report (定期上报). Owns no table: it reads the ledger's
 * and the overdue view's tables, which their own processors keep.
 */
package cn.xinfang.petition.projection.stats;
