/**
 * The lifecycle as the read side sees it: how events move a case's status and a stage run's
 * status. Pure functions of events, shared by the aggregate and every projection.
 */
package cn.xinfang.petition.api.lifecycle;
