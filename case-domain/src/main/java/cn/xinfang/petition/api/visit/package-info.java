/**
 * 大走访 and 大接访 (issue 14): the commands, events and values of a visit (走访), a unit's reception
 * rota (接访排班) and a reception record (接访记录). Each is an aggregate of its own in
 * {@code domain.visit}; a case raised from one is linked both ways.
 */
package cn.xinfang.petition.api.visit;
