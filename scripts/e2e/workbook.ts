/** Workbook checks: each page loads cleanly and accessibly, search finds a term, the quiz keeps progress. */
import type { Page } from 'playwright-core';
import type { Lang } from '../../course.config.ts';
import type { Question, Quiz } from '../../docs/quizzes/quiz.ts';
import { assertAccessible } from './axe.ts';
import { assertNoDiagramErrors, openPage, screenshot, type E2EContext } from './shared.ts';

/** Link relative to the site base: VitePress links start with a slash, the site URL ends with one. */
export const pageUrl = (ctx: E2EContext, link: string) => new URL(link.replace(/^\//, ''), ctx.siteUrl).href;

async function waitForDiagrams(page: Page): Promise<void> {
  // vitepress-plugin-mermaid renders after hydration; give pending diagrams a moment to turn into SVG.
  await page
    .waitForFunction(() => [...document.querySelectorAll('.mermaid')].every((el) => el.querySelector('svg')), undefined, {
      timeout: 10_000,
    })
    .catch(() => undefined);
}

export async function checkPage(ctx: E2EContext, link: string, name: string, expectSelector?: string): Promise<void> {
  const { page, context, guard } = await openPage(ctx);
  try {
    const response = await page.goto(pageUrl(ctx, link), { waitUntil: 'networkidle' });
    if (!response || response.status() !== 200) throw new Error(`${link} answered ${response?.status() ?? 'nothing'}`);
    await page.locator('.VPContent').waitFor();
    if (expectSelector) await page.locator(expectSelector).first().waitFor({ timeout: 10_000 });
    await waitForDiagrams(page);
    await assertNoDiagramErrors(page);
    await assertAccessible(page);
    await screenshot(ctx, page, `workbook/${name}`);
    guard.assertClean();
  } finally {
    await context.close();
  }
}

/** A word from the first chapter's title, so the search term follows the manifest. */
export async function checkSearch(ctx: E2EContext, homeLink: string, term: string, name: string): Promise<void> {
  const { page, context, guard } = await openPage(ctx);
  try {
    await page.goto(pageUrl(ctx, homeLink), { waitUntil: 'networkidle' });
    await page.locator('#local-search button, .VPNavBarSearch button').first().click();
    const input = page.locator('.VPLocalSearchBox input');
    await input.waitFor();
    await input.fill(term);
    const results = page.locator('.VPLocalSearchBox .results li');
    await results.first().waitFor({ timeout: 10_000 });
    if ((await results.count()) === 0) throw new Error(`search for "${term}" found nothing`);
    await screenshot(ctx, page, `workbook/${name}`, false);
    guard.assertClean();
  } finally {
    await context.close();
  }
}

const firstSingleChoice = (quiz: Quiz): Extract<Question, { kind: 'single' }> => {
  const question = quiz.questions.find((q): q is Extract<Question, { kind: 'single' }> => q.kind === 'single');
  if (!question) throw new Error(`quiz ${quiz.chapter} has no single-choice question to try`);
  return question;
};

/**
 * On a chapter page: a wrong answer shows its explanation; after retrying, the right answer counts and
 * survives a reload (progress in localStorage). Selectors: docs/quizzes/ui/README.md.
 */
export async function checkQuiz(ctx: E2EContext, link: string, quiz: Quiz, lang: Lang): Promise<void> {
  const question = firstSingleChoice(quiz);
  const wrong = question.options.find((o) => !o.correct)!;
  const right = question.options.find((o) => o.correct)!;
  const { page, context, guard } = await openPage(ctx);
  try {
    await page.goto(pageUrl(ctx, link), { waitUntil: 'networkidle' });
    const item = page.locator(`[data-testid="quiz-question"][data-question-id="${question.id}"]`);
    await item.waitFor();
    await item.locator(`[data-testid="quiz-option"][data-option-id="${wrong.id}"]`).check();
    await item.locator('[data-testid="quiz-check"]').click();
    await item.locator('[data-testid="quiz-feedback"][data-verdict="wrong"]').waitFor();
    const explanation = item.locator(`[data-testid="quiz-explanation"][data-option-id="${wrong.id}"]`);
    await explanation.waitFor();
    const expected = wrong.explanation[lang].replace(/[`*_]/g, '').slice(0, 20);
    const shown = await explanation.innerText();
    if (!shown.includes(expected)) throw new Error(`explanation of option "${wrong.id}" not shown (got "${shown.slice(0, 80)}")`);
    await screenshot(ctx, page, `workbook/quiz-${lang}-wrong`, false);

    await item.locator('[data-testid="quiz-retry"]').click();
    await item.locator(`[data-testid="quiz-option"][data-option-id="${right.id}"]`).check();
    await item.locator('[data-testid="quiz-check"]').click();
    await item.locator('[data-testid="quiz-feedback"][data-verdict="correct"]').waitFor();

    await page.reload({ waitUntil: 'networkidle' });
    await page.locator(`[data-testid="quiz-question"][data-question-id="${question.id}"][data-state="correct"]`).waitFor({ timeout: 10_000 });
    const correct = Number(await page.locator('[data-testid="quiz-score"]').getAttribute('data-correct'));
    if (correct < 1) throw new Error(`after reload the score counts ${correct} correct answers`);
    await assertAccessible(page);
    guard.assertClean();
  } finally {
    await context.close();
  }
}

/** The chapter page's deck link must leave VitePress's router and load the deck. */
export async function checkDeckLink(ctx: E2EContext, link: string, deckHref: string): Promise<void> {
  const { page, context, guard } = await openPage(ctx);
  try {
    await page.goto(pageUrl(ctx, link), { waitUntil: 'networkidle' });
    const anchor = page.locator(`[data-testid="chapter-links"] a[href$="${deckHref}"]`).first();
    await anchor.click();
    await page.locator('[data-slidev-no="1"]').waitFor({ timeout: 15_000 });
    guard.assertClean();
  } finally {
    await context.close();
  }
}
