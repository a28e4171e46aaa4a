/**
 * The words of the service: message bundles ({@code messages.properties} in English,
 * {@code messages_zh_CN.properties} in Chinese) and the rendering of the domain's rule codes and
 * their arguments into them. The domain speaks in codes; only this package turns them into prose.
 */
package cn.xinfang.petition.app.i18n;
