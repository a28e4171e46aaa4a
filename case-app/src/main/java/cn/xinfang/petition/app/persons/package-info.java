/** Persons (信访人) across cases, visits and receptions: their identity, registry and data keys. */
package cn.xinfang.petition.app.persons;
