/** 信访事项台账 – the case ledger: one row per case, with its current stage and time limit. */
package cn.xinfang.petition.projection.ledger;
