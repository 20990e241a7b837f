/** Figures about a built dist/: size, the JavaScript each page loads, and how much the decks duplicate. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

export const totalSize = (files: string[]) => files.reduce((sum, f) => sum + statSync(f).size, 0);

export interface PageJs {
  page: string;
  largest: { file: string; bytes: number };
  totalBytes: number;
}

/** For each HTML page: the JS it loads up front (scripts and module preloads), its largest file and the total. */
export function jsPerPage(dist: string): PageJs[] {
  const pages = filesUnder(dist).filter((f) => f.endsWith('.html') && !f.endsWith('404.html'));
  return pages.map((page) => {
    const html = readFileSync(page, 'utf8');
    const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
    const files = [...new Set(refs)].map((ref) => {
      const withoutBase = ref.replace(/^https?:\/\/[^/]+/, '');
      // Absolute refs carry the base; find the file by its path below dist/, trying shorter suffixes.
      const parts = withoutBase.split('/').filter(Boolean);
      for (let i = 0; i < parts.length; i++) {
        const candidate = path.join(dist, ...parts.slice(i));
        try {
          return { file: path.relative(dist, candidate), bytes: statSync(candidate).size };
        } catch {
          /* try a shorter suffix */
        }
      }
      return { file: ref, bytes: 0 };
    });
    const largest = files.reduce((a, b) => (b.bytes > a.bytes ? b : a), { file: '-', bytes: 0 });
    return { page: path.relative(dist, page), largest, totalBytes: files.reduce((s, f) => s + f.bytes, 0) };
  });
}

export interface Duplication {
  deckBytes: number;
  duplicateBytes: number;
  sharedFiles: number;
}

/** Bytes in deck files whose exact content appears in more than one deck (what sharing could save). */
export function deckDuplication(deckDirs: string[]): Duplication {
  const byHash = new Map<string, { bytes: number; count: number }>();
  let deckBytes = 0;
  for (const dir of deckDirs) {
    for (const file of filesUnder(dir)) {
      const content = readFileSync(file);
      deckBytes += content.length;
      const hash = createHash('sha1').update(content).digest('hex');
      const entry = byHash.get(hash) ?? { bytes: content.length, count: 0 };
      entry.count++;
      byHash.set(hash, entry);
    }
  }
  let duplicateBytes = 0;
  let sharedFiles = 0;
  for (const { bytes, count } of byHash.values()) {
    if (count > 1) {
      duplicateBytes += bytes * (count - 1);
      sharedFiles++;
    }
  }
  return { deckBytes, duplicateBytes, sharedFiles };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
