/**
 * Secrets at rest in the Settings table (a tenant's conversion webhook key): AES-256-GCM with a
 * random 96-bit IV per value and the 128-bit tag, under a key derived with HKDF-SHA256 from the
 * configured key material (SETTINGS_ENCRYPTION_KEY). Stored as `enc:v1:<iv>.<tag>.<ciphertext>`
 * (base64url). A value stored before encryption (plain `whsec_...`) is still read, and is sealed
 * at its next rotation. A value sealed with another key, or altered, fails to open (never a wrong key).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';

/** Seals and opens small secrets. */
export interface SecretBox {
  seal(plain: string): string;
  /** The secret; throws when the value was sealed with another key or altered. */
  open(stored: string): string;
}

/** A box whose key is derived from `material` (at least 32 characters). */
export function createSecretBox(material: string): SecretBox {
  if (material.length < 32) throw new RangeError('settings encryption key material must be at least 32 characters');
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(material, 'utf8'), Buffer.from('advocacy-hub', 'utf8'), Buffer.from('settings-secrets-v1', 'utf8'), 32));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${ciphertext.toString('base64url')}`;
    },
    open(stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [iv, tag, ciphertext] = stored.slice(PREFIX.length).split('.');
      if (!iv || !tag || ciphertext === undefined) throw new Error('sealed secret is malformed');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
