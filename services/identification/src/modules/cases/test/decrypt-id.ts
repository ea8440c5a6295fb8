import { createDecipheriv, createHash } from 'crypto';

export const PII_TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

/** Decrypts a stored `iv.tag.ciphertext` with the key `PiiProtector` derives from PII_TEST_SECRET. */
export function decryptIdCard(cipherText: string): string {
  const [iv, tag, body] = cipherText.split('.').map((part) => Buffer.from(part, 'base64'));
  const key = createHash('sha256').update(`encryption:${PII_TEST_SECRET}`).digest();
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
