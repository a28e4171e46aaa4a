/**
 * Encrypted personal data (issue 17): the master key, the per-person data keys it wraps, AES-GCM
 * encryption of the petitioner's fields in stored events, and crypto-shredding. See docs/security.md
 * and docs/decisions/0017-encrypted-personal-data.md.
 */
package cn.xinfang.petition.app.crypto;
