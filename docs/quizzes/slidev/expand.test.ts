/** The deck preparser: one quiz slide in, one slide per question out, with the answer in the notes. */
import { describe, expect, test } from 'vitest';
import sample from '../__fixtures__/sample.ts';
import type { Quiz } from '../quiz.ts';
import { expandQuizSlides } from './expand.ts';

async function expand(deck: string, lang: 'de' | 'en' = 'de') {
  const lines = deck.split('\n');
  const loaded: string[] = [];
  await expandQuizSlides(lines, {
    lang: () => lang,
    deckFile: '/repo/slides/99-sample/de.md',
    loadQuiz: async (chapter): Promise<Quiz> => {
      loaded.push(chapter);
      if (chapter !== 'sample') throw new Error(`docs/quizzes/${chapter}.ts is not a valid quiz`);
      return sample;
    },
  });
  return { text: lines.join('\n'), loaded };
}
const slideCount = (text: string) => text.split('\n').filter((l) => l === '---').length / 2;

const headmatter = '---\ntheme: seriph\nlang: de\n---\n\n# Title\n';

describe('expandQuizSlides', () => {
  test('replaces the quiz slide with one slide per question, in order', async () => {
    const { text, loaded } = await expand(`${headmatter}\n---\nlayout: quiz\nquiz: sample\n---\n\n---\n\n# After\n`);
    expect(loaded).toEqual(['sample']);
    const ids = [...text.matchAll(/^question: (.+)$/gm)].map((m) => m[1]);
    expect(ids).toEqual(sample.questions.map((q) => q.id));
    expect(text).toContain('layout: quiz\nquiz: sample\nquestion: default-sort\ntitle: Quiz 1/5\n---');
    expect(text.indexOf('# After')).toBeGreaterThan(text.lastIndexOf('question: '));
    expect(text.startsWith(headmatter)).toBe(true);
  });

  test('puts the answer and every explanation into the speaker notes, in the deck language', async () => {
    const de = (await expand(`${headmatter}\n---\nlayout: quiz\nquiz: sample\n---\n`)).text;
    expect(de).toContain('- B (richtig): `[1, 10, 9]` — Die Elemente werden als Zeichenketten verglichen: "10" &lt; "9".');
    expect(de).toContain('- A (falsch): `[1, 9, 10]`');
    expect(de).toContain('Lösung: 8');
    expect(de).toContain('Reihenfolge: Anwendung → Transport → Internet → Netzzugang');
    const en = (await expand(`${headmatter}\n---\nlayout: quiz\nquiz: sample\n---\n`, 'en')).text;
    expect(en).toContain('Answer: The network is reliable / network is reliable');
    expect(en).toContain('Order: Application → Transport → Internet → Link');
  });

  test('keeps the author’s content and notes as an intro slide', async () => {
    const { text } = await expand(`${headmatter}\n---\nlayout: quiz\nquiz: sample\nclass: text-center\n---\n\n<!--\nVote first.\n-->\n`);
    expect(text).toContain('---\nlayout: center\nclass: text-center\n---\n\n# Quiz\n\n<!--\nVote first.\n-->');
    expect(slideCount(text)).toBe(1 + 1 + sample.questions.length);
  });

  test('leaves quiz markup in code fences, hand-placed questions and other slides alone', async () => {
    const deck = `${headmatter}\n---\n\n\`\`\`md\n---\nlayout: quiz\nquiz: sample\n---\n\`\`\`\n\n---\nlayout: quiz\nquiz: sample\nquestion: layers\n---\n`;
    const { text, loaded } = await expand(deck);
    expect(text).toBe(deck);
    expect(loaded).toEqual([]);
  });

  test('names the deck when the chapter is missing, and passes quiz errors on', async () => {
    await expect(expand(`${headmatter}\n---\nlayout: quiz\n---\n`)).rejects.toThrow('/repo/slides/99-sample/de.md: a "layout: quiz" slide needs "quiz: <chapter slug>"');
    await expect(expand(`${headmatter}\n---\nlayout: quiz\nquiz: 42-nope\n---\n`)).rejects.toThrow('docs/quizzes/42-nope.ts is not a valid quiz');
  });
});
