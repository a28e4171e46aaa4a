/** 提级 / 包案 and 积案 – escalated cases with their responsible leader (包案领导) and plan (一案一策). */
package cn.xinfang.petition.projection.escalation;
