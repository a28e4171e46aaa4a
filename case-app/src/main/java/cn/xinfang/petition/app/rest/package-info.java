/** The HTTP API: controllers, request bodies, and the mapping of every error to RFC 7807 problem+json. */
package cn.xinfang.petition.app.rest;
