/**
 * Role-bound access keys. The key id itself carries role and session name (base32, upper case like real key ids),
 * so any service can tell who calls without a shared lookup table and keys survive a cloud restart.
 */
const PREFIX = 'ASIALC';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Buffer | undefined {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) return undefined;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export interface SessionIdentity {
  roleName: string;
  sessionName: string;
}

export function encodeAccessKeyId(identity: SessionIdentity): string {
  return PREFIX + base32(Buffer.from(`${identity.roleName}/${identity.sessionName}`, 'utf8'));
}

/** The identity in a role-bound key id, or undefined for any other key (the student's own credentials). */
export function decodeAccessKeyId(accessKeyId: string | undefined): SessionIdentity | undefined {
  if (!accessKeyId?.startsWith(PREFIX)) return undefined;
  const decoded = unbase32(accessKeyId.slice(PREFIX.length))?.toString('utf8');
  const slash = decoded?.indexOf('/') ?? -1;
  if (!decoded || slash <= 0) return undefined;
  return { roleName: decoded.slice(0, slash), sessionName: decoded.slice(slash + 1) };
}
