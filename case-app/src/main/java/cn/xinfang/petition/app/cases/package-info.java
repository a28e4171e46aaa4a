/**
 * The case service behind the API: case numbers, idempotent registration, sending step commands,
 * reading a case (folded from its events, so an answer reflects the command just sent), and who
 * may see what.
 */
package cn.xinfang.petition.app.cases;
