/**
 * The site's base path. `BASE=/course/` serves the workbook at /course/ and each deck at
 * /course/slides/<chapter>/<lang>/. Read once here so the workbook config, the deck builds and
 * the server agree.
 */
import { deckPath, type Lang } from '../../course.config.ts';

/** Normalises a base path to start and end with a slash; rejects anything that is not a plain path. */
export function normalizeBase(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  if (value === '' || value === '/') return '/';
  if (!/^\/?[A-Za-z0-9._~\-/]+\/?$/.test(value) || value.includes('//') || value.includes('..')) {
    throw new Error(`BASE must be a path such as /course/ (got "${value}")`);
  }
  return `/${value.replace(/^\/+|\/+$/g, '')}/`;
}

export const siteBase = (): string => normalizeBase(process.env.BASE);

/** Where a deck is served, including the site base. */
export const deckBase = (base: string, slug: string, lang: Lang): string => `${base}${deckPath(slug, lang)}`;
