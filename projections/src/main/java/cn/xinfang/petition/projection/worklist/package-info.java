/**
 * 工作台 (the work list): the open cases a user may see, most urgent first, each with its running
 * stages; from the ledger ({@code ledger_case}) and the overdue view's runs ({@code time_limit_run}).
 */
package cn.xinfang.petition.projection.worklist;
