/**
 * The workbook's VitePress config. `docs/.vitepress/config.ts` re-exports this file.
 * Navigation (sidebar, deck and lab links) is derived from the course manifest only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DefaultTheme } from 'vitepress';
import { withMermaid } from 'vitepress-plugin-mermaid';
import { chapters, allLabs, deckPath, labLink, pageLink, type Lang } from './course.config.ts';
import { siteBase } from './scripts/lib/base.ts';
import { draftChapterPages } from './scripts/lib/drafts.ts';
import { chapterNumber } from './docs/.vitepress/theme/chapter-number.ts';

const labels = {
  de: {
    chapters: 'Kapitel',
    labs: 'Labs',
    decks: 'Folien',
    overview: 'Überblick',
    outline: 'Auf dieser Seite',
    prev: 'Zurück',
    next: 'Weiter',
    darkMode: 'Darstellung',
    toTop: 'Nach oben',
    sidebarMenu: 'Menü',
    lastUpdated: 'Zuletzt geändert',
    notFound: 'Seite nicht gefunden',
    home: 'Zur Startseite',
  },
  en: {
    chapters: 'Chapters',
    labs: 'Labs',
    decks: 'Slides',
    overview: 'Overview',
    outline: 'On this page',
    prev: 'Previous',
    next: 'Next',
    darkMode: 'Appearance',
    toTop: 'Return to top',
    sidebarMenu: 'Menu',
    lastUpdated: 'Last updated',
    notFound: 'Page not found',
    home: 'Take me home',
  },
} as const;

const localePrefix = (lang: Lang) => (lang === 'de' ? '/' : '/en/');

function sidebar(lang: Lang): DefaultTheme.SidebarItem[] {
  const l = labels[lang];
  return [
    {
      text: l.chapters,
      items: chapters.map((c) => ({ text: `${chapterNumber(c.slug)}. ${c.title[lang]}`, link: pageLink(c.slug, lang) })),
    },
    {
      text: l.labs,
      link: `${localePrefix(lang)}labs/`,
      items: allLabs().map((lab) => ({ text: lab, link: labLink(lab, lang) })),
    },
  ];
}

function themeConfig(lang: Lang): DefaultTheme.Config {
  const l = labels[lang];
  return {
    // The full course title is too long for the nav bar next to the search box.
    siteTitle: lang === 'de' ? 'Cloud & verteilte Systeme' : 'Cloud & Distributed Systems',
    nav: [
      { text: l.chapters, link: chapters[0] ? pageLink(chapters[0].slug, lang) : localePrefix(lang) },
      {
        text: l.decks,
        // Decks are separate apps: `target: '_self'` makes the browser load them instead of VitePress's router.
        items: chapters.map((c) => ({ text: c.title[lang], link: `/${deckPath(c.slug, lang)}`, target: '_self' })),
      },
      { text: l.labs, link: `${localePrefix(lang)}labs/` },
    ],
    sidebar: sidebar(lang),
    outline: { level: [2, 3], label: l.outline },
    docFooter: { prev: l.prev, next: l.next },
    darkModeSwitchLabel: l.darkMode,
    returnToTopLabel: l.toTop,
    sidebarMenuLabel: l.sidebarMenu,
    notFound: { title: l.notFound, linkText: l.home, quote: '' },
  };
}

// One favicon for decks and workbook: the decks' file, inlined so the workbook needs no copy of it.
const favicon = `data:image/svg+xml,${encodeURIComponent(
  readFileSync(new URL('./slides/shared/assets/favicon.svg', import.meta.url), 'utf8'),
)}`;

export default withMermaid({
  base: siteBase(),
  cleanUrls: true, // `npm start`'s server resolves /page to /page.html
  lastUpdated: false,
  // Quiz data, its components and their README are sources, not pages; chapters not yet in the manifest are drafts.
  srcExclude: ['quizzes/**', 'seed-coverage/**', '**/README.md', ...draftChapterPages(fileURLToPath(new URL('.', import.meta.url)), chapters)],
  // Deck links point at separately built apps that VitePress does not know; the link test checks them.
  ignoreDeadLinks: [/^\/slides\//],
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: favicon }]],
  markdown: {
    // The default github-light tokens fail WCAG contrast (see site-facts.md).
    theme: { light: 'github-light-high-contrast', dark: 'github-dark' },
  },
  locales: {
    root: {
      label: 'Deutsch',
      lang: 'de-DE',
      title: 'Cloud Computing & verteilte Systeme',
      description: 'Arbeitsbuch, Folien und Labs zur Vorlesung',
      themeConfig: themeConfig('de'),
    },
    en: {
      label: 'English',
      lang: 'en-US',
      link: '/en/',
      title: 'Cloud Computing & Distributed Systems',
      description: 'Workbook, slides and labs for the lecture',
      themeConfig: themeConfig('en'),
    },
  },
  themeConfig: {
    search: {
      provider: 'local',
      options: {
        locales: {
          root: {
            translations: {
              button: { buttonText: 'Suchen', buttonAriaLabel: 'Suchen' },
              modal: {
                noResultsText: 'Keine Ergebnisse für',
                resetButtonTitle: 'Suche zurücksetzen',
                footer: { selectText: 'auswählen', navigateText: 'navigieren', closeText: 'schließen' },
              },
            },
          },
        },
      },
    },
  },
  mermaid: { theme: 'neutral' },
  // mermaid pulls in CommonJS-only packages (fastdom); the dev server must pre-bundle it or pages fail to load.
  vite: { optimizeDeps: { include: ['mermaid'] } },
});
