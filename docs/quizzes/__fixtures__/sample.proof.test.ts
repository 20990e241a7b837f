// Proof for the sample quiz: observe how the default sort orders numbers and compare it with the key.
import { test } from 'vitest';
import { expectKeyed } from '../proof.ts';
import quiz from './sample.ts';

test('default sort compares numbers as strings', () => {
  const sorted = [10, 9, 1].sort();
  const observed = JSON.stringify(sorted) === '[1,9,10]' ? 'numeric' : JSON.stringify(sorted) === '[1,10,9]' ? 'lexicographic' : 'unchanged';
  expectKeyed(quiz, 'default-sort', observed);
});
