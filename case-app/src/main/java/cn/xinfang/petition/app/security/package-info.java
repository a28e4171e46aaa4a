/** Users, roles and authentication: HTTP Basic against the service's own user table, BCrypt hashes. */
package cn.xinfang.petition.app.security;
