/**
 * The published language of the case engine: identifiers and value objects that travel in
 * commands and events. Everything here is serialized into the event store and must stay
 * backwards compatible (see docs/events.md).
 */
package cn.xinfang.petition.api;
