import { createCipheriv, createHash, createHmac, randomFillSync } from 'crypto';

/** 430281198003150019 → 430281********0019: the area and the last four stay readable. */
export function maskIdCard(idCardNumber: string): string {
  return `${idCardNumber.slice(0, 6)}${'*'.repeat(8)}${idCardNumber.slice(14)}`;
}

const IV_BYTES = 12;

/** Blind indexes and ciphertexts of some ID numbers, position by position. */
export interface ProtectedNumbers {
  indexes: string[];
  ciphers: string[];
}

/**
 * ID card numbers at rest: a blind index (HMAC-SHA256) finds the same person across cases without
 * storing the number in clear; the number itself is kept AES-256-GCM encrypted (iv.tag.ciphertext, base64).
 * Both keys derive from PII_SECRET.
 */
export class PiiProtector {
  private readonly indexKey: Buffer;
  private readonly encryptionKey: Buffer;
  /** Random IVs drawn 1,024 at a time: one system call per thousand encryptions instead of one each. */
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;

  constructor(secret: string) {
    this.indexKey = createHash('sha256').update(`blind-index:${secret}`).digest();
    this.encryptionKey = createHash('sha256').update(`encryption:${secret}`).digest();
  }

  blindIndex(idCardNumber: string): string {
    return createHmac('sha256', this.indexKey).update(idCardNumber.toUpperCase()).digest('hex');
  }

  /** The blind index and the ciphertext (of the upper-cased number) of each number. */
  protect(numbers: string[]): ProtectedNumbers {
    return {
      indexes: numbers.map((n) => this.blindIndex(n)),
      ciphers: numbers.map((n) => this.encrypt(n.toUpperCase())),
    };
  }

  encrypt(plain: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = cipher.update(plain, 'utf8');
    cipher.final(); // GCM is a stream mode: update() gave every byte, final() only computes the tag
    return `${iv.toString('base64')}.${cipher.getAuthTag().toString('base64')}.${body.toString('base64')}`;
  }

  private nextIv(): Buffer {
    if (this.ivOffset + IV_BYTES > this.ivPool.length) {
      this.ivPool = randomFillSync(Buffer.allocUnsafe(IV_BYTES * 1024));
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + IV_BYTES);
    this.ivOffset += IV_BYTES;
    return iv;
  }
}
