/** 大走访 and 大接访 read models (issue 14): visits, the reception rota and reception records. */
package cn.xinfang.petition.projection.visit;
