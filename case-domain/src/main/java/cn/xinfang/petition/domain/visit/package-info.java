/**
 * 大走访 and 大接访 (issue 14): the visit, the unit's reception rota and the reception record, each an
 * aggregate of its own; {@link cn.xinfang.petition.domain.visit.RotaPlan} lays a rota on the business calendar.
 */
package cn.xinfang.petition.domain.visit;
