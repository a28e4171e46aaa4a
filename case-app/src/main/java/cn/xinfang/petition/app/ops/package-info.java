/** Operations: projection rebuilds, processor status, the engine's own metrics. */
package cn.xinfang.petition.app.ops;
