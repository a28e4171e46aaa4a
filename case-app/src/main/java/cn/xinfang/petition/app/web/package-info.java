/**
 * The web pages (docs/ui.md): server-rendered Thymeleaf views with htmx for partial updates, for
 * handlers, supervisors, auditors and administrators. Page controllers call the same application
 * services and the same request checks as the REST API, never a second copy of a rule; a refusal
 * becomes a message beside the form, from the same problem the API would answer.
 */
package cn.xinfang.petition.app.web;
