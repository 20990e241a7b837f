/**
 * What the workbook's course components share: the page's course language and the link targets
 * derived from the manifest, so every component links the same way.
 */
import { computed } from 'vue';
import { useData, withBase } from 'vitepress';
import { deckPath, labLink, pageLink, type Lang } from '../../../course.config.ts';

export { chapterNumber } from './chapter-number.ts';

/** The course language of the current page: `en` under /en/, otherwise German (the root locale). */
export function useCourseLang() {
  const { localeIndex } = useData();
  return computed<Lang>(() => (localeIndex.value === 'en' ? 'en' : 'de'));
}

export const languageNames: Record<Lang, Record<Lang, string>> = {
  de: { de: 'Deutsch', en: 'Englisch' },
  en: { de: 'German', en: 'English' },
};

/** Decks are separate apps outside VitePress's router: an absolute URL with the base, opened with target="_self". */
export const deckHref = (slug: string, lang: Lang) => withBase(`/${deckPath(slug, lang)}`);
export const chapterHref = (slug: string, lang: Lang) => withBase(pageLink(slug, lang));
export const labHref = (lab: string, lang: Lang) => withBase(labLink(lab, lang));
