/** 大走访 and 大接访 (issue 14): visits, the reception rota, reception records, coverage and compliance. */
package cn.xinfang.petition.app.visits;
