/**
 * Crypto-shredding of a person's data and the retention list (issue 17): after the retention period
 * a person's data key is deleted, every reading then shows {@code 已删除}, the chain still verifies.
 */
package cn.xinfang.petition.app.privacy;
