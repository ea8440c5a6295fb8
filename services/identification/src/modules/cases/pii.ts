import { createCipheriv, createHash, createHmac, randomBytes } from 'crypto';

/** 430281198003150019 → 430281********0019: the area and the last four stay readable. */
export function maskIdCard(idCardNumber: string): string {
  return `${idCardNumber.slice(0, 6)}${'*'.repeat(8)}${idCardNumber.slice(14)}`;
}

/**
 * ID card numbers at rest: a blind index (HMAC-SHA256) finds the same person across cases without
 * storing the number in clear; the number itself is kept AES-256-GCM encrypted (iv.tag.ciphertext, base64).
 * Both keys derive from PII_SECRET.
 */
export class PiiProtector {
  private readonly indexKey: Buffer;
  private readonly encryptionKey: Buffer;

  constructor(secret: string) {
    this.indexKey = createHash('sha256').update(`blind-index:${secret}`).digest();
    this.encryptionKey = createHash('sha256').update(`encryption:${secret}`).digest();
  }

  blindIndex(idCardNumber: string): string {
    return createHmac('sha256', this.indexKey).update(idCardNumber.toUpperCase()).digest('hex');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64')).join('.');
  }
}
