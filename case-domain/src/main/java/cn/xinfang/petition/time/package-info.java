/**
 * The business-time engine (工作日/工作时间计算): the statutory working-day calendar, working hours,
 * the three ways a limit is counted (working hours, working days, calendar days), the warning
 * instant, and the time-limit policy (the 225/510 stage table). Pure functions of their inputs:
 * no clock, no I/O except the calendar loader. Working-day arithmetic lives here and nowhere else.
 */
package cn.xinfang.petition.time;
