/** A chapter's number is the one in its slug (`05-serverless` → 5), so numbers stay right when chapters are skipped. */
export const chapterNumber = (slug: string): number => Number.parseInt(slug.slice(0, 2), 10);
