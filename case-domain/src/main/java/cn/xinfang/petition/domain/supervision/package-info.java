/** 督查、整改 – the rectification aggregate with its own warning and due deadlines (issue 16). */
package cn.xinfang.petition.domain.supervision;
