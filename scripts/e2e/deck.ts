/**
 * Walks a built deck slide by slide with the arrow key (through every click step), checking each slide once
 * for accessibility and diagram errors, taking a screenshot, and checking that quiz answers are hidden until
 * clicked and shown afterwards.
 */
import type { Page } from 'playwright-core';
import { assertAccessible, assertSlideAccessible } from './axe.ts';
import { assertNoDiagramErrors, openPage, screenshot, type E2EContext } from './shared.ts';

const MAX_STEPS = 800;

const slideNumber = (url: string) => Number(/#\/(\d+)/.exec(url)?.[1] ?? Number.NaN);

/** Transitions only slow the walk down and make a half-animated slide the one under test. */
const NO_MOTION = '*, *::before, *::after { transition: none !important; animation: none !important; }';

async function quizAnswers(page: Page, no: number): Promise<{ total: number; visible: number }> {
  const answers = page.locator(`[data-slidev-no="${no}"] [data-testid="deck-quiz-answer"]`);
  const total = await answers.count();
  let visible = 0;
  for (let i = 0; i < total; i++) {
    const hidden = await answers.nth(i).evaluate((el) => !!el.closest('.slidev-vclick-hidden') || getComputedStyle(el).opacity === '0');
    if (!hidden) visible++;
  }
  return { total, visible };
}

export interface DeckWalk {
  slides: number;
  quizSlides: number;
}

export async function walkDeck(ctx: E2EContext, deckUrl: string, name: string): Promise<DeckWalk> {
  const { page, context, guard } = await openPage(ctx);
  try {
    await page.goto(`${deckUrl}#/1`, { waitUntil: 'networkidle' });
    await page.addStyleTag({ content: NO_MOTION });
    await page.locator('[data-slidev-no="1"]').waitFor();
    const problems: string[] = [];
    let current = 0;
    let quizSlides = 0;
    // On a quiz slide: how many answers exist and the most that were visible at once while clicking through.
    let quiz = { total: 0, maxVisible: 0 };

    const leaveSlide = (no: number) => {
      if (quiz.total && quiz.maxVisible < quiz.total) problems.push(`slide ${no}: quiz answers still hidden after its clicks`);
    };
    const enterSlide = async (no: number) => {
      await page.locator(`[data-slidev-no="${no}"]`).waitFor();
      await page.waitForTimeout(100);
      const answers = await quizAnswers(page, no);
      quiz = { total: answers.total, maxVisible: answers.visible };
      if (answers.total) {
        quizSlides++;
        if (answers.visible > 0) problems.push(`slide ${no}: quiz answers visible before any click`);
      }
      await assertNoDiagramErrors(page).catch((e: Error) => problems.push(`slide ${no}: ${e.message}`));
      if (no === 1) await assertAccessible(page, { slidev: true }).catch((e: Error) => problems.push(`deck page: ${e.message}`));
      await assertSlideAccessible(page, no).catch((e: Error) => problems.push(`slide ${no}: ${e.message}`));
      await screenshot(ctx, page, `decks/${name}/${String(no).padStart(3, '0')}`, false);
    };

    current = 1;
    await enterSlide(1);
    let lastUrl = page.url();
    for (let step = 0; step < MAX_STEPS; step++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(60);
      if (page.url() === lastUrl) {
        await page.waitForTimeout(400);
        if (page.url() === lastUrl) break; // the last click of the last slide
      }
      lastUrl = page.url();
      const no = slideNumber(lastUrl);
      if (no !== current) {
        leaveSlide(current);
        current = no;
        await enterSlide(no);
      } else if (quiz.total) {
        quiz.maxVisible = Math.max(quiz.maxVisible, (await quizAnswers(page, current)).visible);
      }
    }
    leaveSlide(current);
    if (current < 2) problems.push(`the deck stopped at slide ${current}`);
    guard.problems.push(...problems);
    guard.assertClean();
    return { slides: current, quizSlides };
  } finally {
    await context.close();
  }
}
