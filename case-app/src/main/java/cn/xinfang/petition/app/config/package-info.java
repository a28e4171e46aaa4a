/** Spring configuration of the service: time engine, Axon wiring, serializer, clock, database. */
package cn.xinfang.petition.app.config;
