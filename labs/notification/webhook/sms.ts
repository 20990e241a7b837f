/**
 * One SMS segment holds 160 GSM-7 characters; a single character outside that alphabet (an emoji, "…")
 * switches the whole message to UCS-2 and 70 characters. So we keep messages in GSM-7 and cut at 160.
 */
export const SMS_SEGMENT_LIMIT = 160;

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Extension characters cost two septets (escape + character). */
const GSM7_EXTENSION = '^{}\\[~]|€';

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

const septets = (ch: string) => (basic.has(ch) ? 1 : extension.has(ch) ? 2 : Infinity);

/** Replace what GSM-7 cannot carry, so one emoji in a commit message does not halve the segment. */
export function toGsm7(text: string): string {
  const readable = text
    .normalize('NFC')
    .replace(/\t/g, ' ')
    .replace(/…/g, '...')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"');
  return [...readable].map((ch) => (septets(ch) === Infinity ? '?' : ch)).join('');
}

export function septetLength(text: string): number {
  let n = 0;
  for (const ch of text) n += septets(ch);
  return n;
}

/** Fit `text` into one segment; cut with "..." (GSM-7 has no ellipsis character). */
export function fitOneSegment(text: string, limit = SMS_SEGMENT_LIMIT): string {
  const clean = toGsm7(text);
  if (septetLength(clean) <= limit) return clean;
  let out = '';
  let used = 0;
  for (const ch of clean) {
    if (used + septets(ch) > limit - 3) break;
    out += ch;
    used += septets(ch);
  }
  return `${out.trimEnd()}...`;
}

/** The SMS for a notice: the description cut to fit, and a failed pipeline's link kept whole when it fits at all. */
export function smsText(description: string, link = ''): string {
  const url = toGsm7(link);
  if (!url || url.length > SMS_SEGMENT_LIMIT / 2) return fitOneSegment(description);
  return `${fitOneSegment(description, SMS_SEGMENT_LIMIT - url.length - 1)} ${url}`;
}
