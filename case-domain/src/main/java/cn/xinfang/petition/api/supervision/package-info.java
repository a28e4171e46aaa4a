/**
 * 督查、整改 – the commands and events of a rectification (整改意见) issued after an inspection (issue 16).
 */
package cn.xinfang.petition.api.supervision;
