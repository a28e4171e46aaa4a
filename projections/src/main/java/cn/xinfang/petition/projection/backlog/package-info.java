/** 积案台账 (issue 15): escalated cases with their leader, plan, progress, LEADER_PROGRESS status and outcome. */
package cn.xinfang.petition.projection.backlog;
