/**
 * The write side: the {@code PetitionCase} aggregate, its status and transition table, and the
 * named exceptions for broken rules. No Spring, no I/O, no clock: time arrives in the commands.
 */
package cn.xinfang.petition.domain;
