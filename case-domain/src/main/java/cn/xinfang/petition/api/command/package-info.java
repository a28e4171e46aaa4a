/** Commands: one record per command, imperative names ending in {@code Command}. */
package cn.xinfang.petition.api.command;
