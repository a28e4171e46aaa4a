/** Units and users, managed by an ADMIN; every change is recorded in {@code admin_audit}. */
package cn.xinfang.petition.app.admin;
