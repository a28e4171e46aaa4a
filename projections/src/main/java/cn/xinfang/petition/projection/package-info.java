/**
 * Read models built from the case events by tracking processors whose tokens live in the
 * database, one package per view; each view owns its tables and is the only writer of them.
 * Every handler is idempotent and replayable; every view clears its tables in a reset handler.
 */
package cn.xinfang.petition.projection;
