/** The quiz UI's logic outside Vue: stored progress, grading input, ordering, inline formatting. */
import { describe, expect, test } from 'vitest';
import sample from '../__fixtures__/sample.ts';
import { findQuestion } from '../proof.ts';
import { inlineMarkdown } from './format.ts';
import { langOf } from './labels.ts';
import { browserStore, clearProgress, grade, initialOrder, loadProgress, move, parseNumber, saveProgress, score, storageKey, type KeyValueStore } from './progress.ts';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('progress', () => {
  test('round-trips through storage and survives a new load', () => {
    const store = memoryStore();
    const progress = {
      'default-sort': grade(findQuestion(sample, 'default-sort'), 'lexicographic'),
      'fallacy-count': grade(findQuestion(sample, 'fallacy-count'), 7),
    };
    saveProgress(store, 'sample', progress);
    expect(loadProgress(store, sample)).toEqual({
      'default-sort': { answer: 'lexicographic', correct: true },
      'fallacy-count': { answer: 7, correct: false },
    });
    expect(score(sample, loadProgress(store, sample))).toEqual({ total: 5, answered: 2, correct: 1 });
  });

  test('re-grades stored answers against the current key and drops removed questions', () => {
    const store = memoryStore({
      [storageKey('sample')]: JSON.stringify({
        version: 1,
        answers: { 'default-sort': { answer: 'lexicographic', correct: false }, gone: { answer: 'x', correct: true } },
      }),
    });
    expect(loadProgress(store, sample)).toEqual({ 'default-sort': { answer: 'lexicographic', correct: true } });
  });

  test.each([['not json'], [JSON.stringify({ version: 99, answers: {} })], [JSON.stringify([1, 2])], [JSON.stringify({ version: 1, answers: { 'default-sort': { answer: { evil: true } } } })]])(
    'treats an unreadable entry as no progress: %s',
    (raw) => {
      expect(loadProgress(memoryStore({ [storageKey('sample')]: raw }), sample)).toEqual({});
    },
  );

  test('clear removes only that chapter', () => {
    const store = memoryStore({ [storageKey('sample')]: '{}', [storageKey('other')]: '{}' });
    clearProgress(store, 'sample');
    expect([...store.data.keys()]).toEqual([storageKey('other')]);
  });

  test('a storage that throws does not break the quiz', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => saveProgress(broken, 'sample', {})).not.toThrow();
    expect(() => clearProgress(broken, 'sample')).not.toThrow();
    expect(loadProgress(broken, sample)).toEqual({});
  });
});

test('without window (server rendering) the browser store is an empty in-memory store', () => {
  const store = browserStore();
  expect(store.getItem('x')).toBeNull();
  store.setItem('x', '1');
  expect(store.getItem('x')).toBe('1');
});

describe('answers', () => {
  test.each([
    ['8', 8],
    [' 3,5 ', 3.5],
    ['-0.25', -0.25],
    ['1e3', 1000],
    ['1 000', 1000],
    ['', undefined],
    ['abc', undefined],
    ['3,5,1', undefined],
  ])('parseNumber(%j) = %j', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  test('grades with the proofs’ rule', () => {
    expect(grade(findQuestion(sample, 'first-fallacy'), '  network IS reliable').correct).toBe(true);
    expect(grade(findQuestion(sample, 'fallacy-authors'), ['gosling', 'deutsch']).correct).toBe(true);
    expect(grade(findQuestion(sample, 'fallacy-authors'), ['deutsch']).correct).toBe(false);
  });
});

describe('ordering', () => {
  const ids = ['a', 'b', 'c', 'd'];
  test('starts shuffled the same way every time, never solved', () => {
    expect(initialOrder('q1', ids)).toEqual(initialOrder('q1', ids));
    expect([...initialOrder('q1', ids)].sort()).toEqual(ids);
    for (const id of ['q1', 'q2', 'layers', 'x', 'order-me']) expect(initialOrder(id, ids)).not.toEqual(ids);
    expect(initialOrder('two', ['a', 'b'])).toEqual(['b', 'a']);
  });

  test('moves one place and ignores moves past the ends', () => {
    expect(move(ids, 2, -1)).toEqual(['a', 'c', 'b', 'd']);
    expect(move(ids, 2, 1)).toEqual(['a', 'b', 'd', 'c']);
    expect(move(ids, 0, -1)).toEqual(ids);
    expect(move(ids, 3, 1)).toEqual(ids);
  });
});

describe('format', () => {
  test('renders inline code, bold and emphasis, and escapes everything else', () => {
    expect(inlineMarkdown('Use `a < b` and **bold** or *em*')).toBe('Use <code>a &lt; b</code> and <strong>bold</strong> or <em>em</em>');
    expect(inlineMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(inlineMarkdown('`**not bold**`')).toBe('<code>**not bold**</code>');
    expect(inlineMarkdown('2 * 3 * 4')).toBe('2 * 3 * 4');
  });

  test('maps VitePress language codes to course languages', () => {
    expect(langOf('de')).toBe('de');
    expect(langOf('de-AT')).toBe('de');
    expect(langOf('en-US')).toBe('en');
    expect(langOf(undefined)).toBe('en');
  });
});
