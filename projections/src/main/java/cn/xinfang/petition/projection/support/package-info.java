/** Small helpers shared by the views. */
package cn.xinfang.petition.projection.support;
