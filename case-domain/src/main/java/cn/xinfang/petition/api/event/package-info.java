/**
 * Events: the published language and the permanent legal record. One record per event, past-tense
 * names ending in {@code Event}, each with {@code @Revision}. Never rename or move one: a change of
 * shape gets a new revision and an upcaster in case-app (docs/events.md).
 */
package cn.xinfang.petition.api.event;
