/**
 * Tamper evidence (防篡改): a hash chain over each case's events, written as events are appended;
 * verification of one case; and digests of the whole store that an auditor keeps outside the
 * system and can verify later.
 */
package cn.xinfang.petition.app.audit;
