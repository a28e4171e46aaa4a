/**
 * 督查、整改、通报 and the campaign's reports (issue 16): campaigns and their regular reports,
 * inspections and their findings, the rectifications' read model and commands, notices (通报) with
 * their numbering and export, the 越级访 reaction and the campaign summary from the projections.
 */
package cn.xinfang.petition.app.supervision;
