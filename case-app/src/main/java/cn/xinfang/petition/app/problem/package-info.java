/**
 * What can go wrong with a request, without HTTP: the field checks of a request ({@link
 * cn.xinfang.petition.app.problem.Fields}), the errors application services throw ({@link
 * cn.xinfang.petition.app.problem.ServiceException} with a stable code and its kind), and the
 * problem+json documents the web layers answer them with.
 */
package cn.xinfang.petition.app.problem;
