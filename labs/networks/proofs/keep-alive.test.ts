/**
 * Proof for chapter 2's quiz: without keep-alive every request pays the connection set-up again. The
 * measurement adds a simulated round trip to every new TCP connection (see delay-shim.ts).
 */
import { expect, it } from 'vitest';
import quiz from '../../../docs/quizzes/02-networks.ts';
import { expectKeyed } from '../../../docs/quizzes/proof.ts';
import { measureConnectionReuse } from '../measure.ts';

it('a new connection per request costs about one extra round trip per request', async () => {
  const result = await measureConnectionReuse({ requests: 9, latencyMs: 80 });
  expect(result.keepAlive.connections).toBe(1);
  expect(result.newConnection.connections).toBe(9);
  expectKeyed(quiz, 'keep-alive-round-trips', Math.round(result.extraRoundTripsPerRequest));
});
