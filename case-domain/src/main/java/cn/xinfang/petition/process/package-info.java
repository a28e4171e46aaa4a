/**
 * Sagas: they react to case events and dispatch commands when nothing happens in time. They never
 * decide business outcomes and never read projections; due instants come from the events.
 */
package cn.xinfang.petition.process;
