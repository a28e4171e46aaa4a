/**
 * 日历修订 – loading a new or corrected holiday calendar at run time: the revision is recorded, put
 * in force, and every open case whose time limits it can change is asked to recompute them; an
 * interrupted revision resumes at start-up.
 */
package cn.xinfang.petition.app.calendar;
