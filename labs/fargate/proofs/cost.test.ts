/** Proof for chapter 4's cost question: computed with the lab's cost model (prices from the course's facts table). */
import { expect, it } from 'vitest';
import quiz from '../../../docs/quizzes/04-operating-models.ts';
import { expectKeyed } from '../../../docs/quizzes/proof.ts';
import { idleContainerMonth, lambdaMonth } from '../cost.ts';

it('an idle ALB with one smallest Fargate task costs about 36 dollars a month', () => {
  // The comparison the question's explanation makes: the same low traffic on Lambda stays in the free tier.
  expect(lambdaMonth(100_000, 0.125, 0.2)).toBe(0);
  expectKeyed(quiz, 'idle-month', Math.round(idleContainerMonth()));
});
