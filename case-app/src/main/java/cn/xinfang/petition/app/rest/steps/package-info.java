/**
 * One request record per step of a case ({@code POST /api/cases/{id}/<step>}), each with its own
 * fields and the command it makes, so the OpenAPI document shows what every step needs.
 * Enumerations and times arrive as text, so that every wrong field is reported at once with the
 * allowed values.
 */
package cn.xinfang.petition.app.rest.steps;
