/** 整改时限 – the deadlines of rectifications (issue 16). */
package cn.xinfang.petition.process.supervision;
