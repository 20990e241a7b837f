/**
 * The course manifest: the single source of truth for chapters.
 * Sidebar, deck index, lab index, `npm run present`, the build and the tests all read it.
 * Add a chapter here once, when its deck, pages and quiz exist.
 */
export type Lang = 'de' | 'en';
export const languages: readonly Lang[] = ['de', 'en'];

export interface Chapter {
  /** Two-digit number and slug, e.g. `01-cloud`; names the deck folder, the pages and the quiz. */
  slug: string;
  title: Record<Lang, string>;
  /** One sentence for the chapter index. */
  summary: Record<Lang, string>;
  /** Lab folder names under `labs/`. */
  labs: string[];
}

export const chapters: readonly Chapter[] = [
  {
    slug: '01-cloud',
    title: { de: 'Cloud und verteilte Systeme', en: 'Cloud and distributed systems' },
    summary: {
      de: 'Was ein verteiltes System ist, die acht Trugschlüsse und die Landkarte der schwierigen Probleme.',
      en: 'What a distributed system is, the eight fallacies and the map of hard problems.',
    },
    labs: ['fallacies'],
  },
  {
    slug: '02-networks',
    title: { de: 'Netzwerke', en: 'Networks' },
    summary: {
      de: 'Schichten, TCP und UDP, Ports und Demultiplexing bis zum Host-Header – und was ein Round Trip kostet.',
      en: 'Layers, TCP and UDP, ports and demultiplexing up to the Host header – and what a round trip costs.',
    },
    labs: ['networks'],
  },
  {
    slug: '03-architectures',
    title: { de: 'Architekturen & Kommunikation', en: 'Architectures & communication' },
    summary: {
      de: 'Client-Server und Peer-to-Peer, direkte und indirekte Kommunikation, Rollen und Platzierung – und wie eine Bestellung per Fan-out vier Empfänger erreicht.',
      en: 'Client-server and peer-to-peer, direct and indirect communication, roles and placement – and how one order reaches four receivers by fan-out.',
    },
    labs: ['fanout'],
  },
  {
    slug: '04-operating-models',
    title: { de: 'Betriebsmodelle: IaaS, PaaS, FaaS, SaaS', en: 'Operating models: IaaS, PaaS, FaaS, SaaS' },
    summary: {
      de: 'Wer was verwaltet, was Leerlauf kostet, wie man ein Modell wählt – und eine öffentliche API mit privatem Backend auf Fargate.',
      en: 'Who manages what, what idling costs, how to choose a model – and a public API with a private backend on Fargate.',
    },
    labs: ['fargate'],
  },
  {
    slug: '05-serverless',
    title: { de: 'Serverless & ereignisgesteuert', en: 'Serverless & event-driven' },
    summary: {
      de: 'Wie Lambda Ereignisse ausführt, wann Serverless passt – und wie ein Webhook trotz mehrfacher Zustellung nur eine SMS auslöst.',
      en: 'How Lambda runs events, when serverless fits – and how a webhook sends only one SMS despite repeated delivery.',
    },
    labs: ['notification'],
  },
  {
    slug: '06-queues',
    title: { de: 'Queues & wechselseitiger Ausschluss', en: 'Queues & mutual exclusion' },
    summary: {
      de: 'Wie Queues entkoppeln und puffern, was SQS wirklich verspricht – und wie 50.000 Karten verkauft werden, ohne eine zu viel.',
      en: 'How queues decouple and buffer, what SQS really promises – and how to sell 50,000 tickets without one too many.',
    },
    labs: ['queue'],
  },
  {
    slug: '07-storage',
    title: { de: 'Speicher & Datalake', en: 'Storage & data lake' },
    summary: {
      de: 'Block, Datei und Objekt, Datalake und Warehouse, S3, EFS, CDN und Cognito – und ein Datalake, in dem jeder nur die eigenen Dateien sieht.',
      en: 'Block, file and object, data lake and warehouse, S3, EFS, CDN and Cognito – and a data lake in which everybody sees only their own files.',
    },
    labs: ['datalake'],
  },
  {
    slug: '08-coordination',
    title: { de: 'Nebenläufigkeit & Koordination', en: 'Concurrency & coordination' },
    summary: {
      de: 'Race Conditions, Locks und Leader Election mit Lease und Fencing Token, Lamport-Uhren, Konsistenzmodelle, Quoren, CAP und PACELC.',
      en: 'Race conditions, locks and leader election with a lease and fencing tokens, Lamport clocks, consistency models, quorums, CAP and PACELC.',
    },
    labs: ['coordination'],
  },
];

/** Deck source file, relative to the repository root. */
export const deckSource = (slug: string, lang: Lang) => `slides/${slug}/${lang}.md`;
/** Built deck URL path, relative to the site base (no leading slash). */
export const deckPath = (slug: string, lang: Lang) => `slides/${slug}/${lang}/`;
/** Workbook page source, relative to the repository root. */
export const pageSource = (slug: string, lang: Lang) =>
  lang === 'de' ? `docs/${slug}.md` : `docs/en/${slug}.md`;
/** Workbook page link inside VitePress (no base, no extension). */
export const pageLink = (slug: string, lang: Lang) => (lang === 'de' ? `/${slug}` : `/en/${slug}`);
/** Quiz data module, relative to the repository root. */
export const quizSource = (slug: string) => `docs/quizzes/${slug}.ts`;
/** Lab workbook page link (rendered from the lab's own README). */
export const labLink = (lab: string, lang: Lang) => (lang === 'de' ? `/labs/${lab}` : `/en/labs/${lab}`);

export const chapterBySlug = (slug: string): Chapter | undefined => chapters.find((c) => c.slug === slug);
export const allLabs = (): string[] => chapters.flatMap((c) => c.labs);
