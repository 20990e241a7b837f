/**
 * A small quiz for the engine's own tests (not a chapter: the manifest does not list it).
 * It covers every question kind; its one technical question is proven by `sample.proof.test.ts`.
 */
import { defineQuiz } from '../quiz.ts';

export default defineQuiz({
  chapter: 'sample',
  questions: [
    {
      id: 'default-sort',
      kind: 'single',
      prompt: { de: 'Was liefert `[10, 9, 1].sort()` in JavaScript?', en: 'What does `[10, 9, 1].sort()` return in JavaScript?' },
      proof: { test: 'docs/quizzes/__fixtures__/sample.proof.test.ts', name: 'default sort compares numbers as strings' },
      options: [
        {
          id: 'numeric',
          text: { de: '`[1, 9, 10]`', en: '`[1, 9, 10]`' },
          correct: false,
          explanation: { de: 'Ohne Vergleichsfunktion wird nicht numerisch sortiert.', en: 'Without a compare function the sort is not numeric.' },
        },
        {
          id: 'lexicographic',
          text: { de: '`[1, 10, 9]`', en: '`[1, 10, 9]`' },
          correct: true,
          explanation: { de: 'Die Elemente werden als Zeichenketten verglichen: "10" < "9".', en: 'Elements are compared as strings: "10" < "9".' },
        },
        {
          id: 'unchanged',
          text: { de: '`[10, 9, 1]`', en: '`[10, 9, 1]`' },
          correct: false,
          explanation: { de: '`sort` sortiert das Array an Ort und Stelle um.', en: '`sort` reorders the array in place.' },
        },
      ],
    },
    {
      id: 'fallacy-authors',
      kind: 'multiple',
      prompt: { de: 'Wer hat die Trugschlüsse formuliert?', en: 'Who formulated the fallacies?' },
      source: { title: 'Fallacies of distributed computing', url: 'https://en.wikipedia.org/wiki/Fallacies_of_distributed_computing', checked: '2026-11-28' },
      options: [
        { id: 'deutsch', text: { de: 'L Peter Deutsch', en: 'L Peter Deutsch' }, correct: true, explanation: { de: 'Die ersten sieben (1994).', en: 'The first seven (1994).' } },
        { id: 'gosling', text: { de: 'James Gosling', en: 'James Gosling' }, correct: true, explanation: { de: 'Ergänzte den achten (1997).', en: 'Added the eighth (1997).' } },
        { id: 'lamport', text: { de: 'Leslie Lamport', en: 'Leslie Lamport' }, correct: false, explanation: { de: 'Lamport prägte eine andere Definition.', en: 'Lamport coined a different definition.' } },
      ],
    },
    {
      id: 'fallacy-count',
      kind: 'number',
      prompt: { de: 'Wie viele Trugschlüsse gibt es?', en: 'How many fallacies are there?' },
      source: { title: 'Fallacies of distributed computing', checked: '2026-11-28' },
      answer: 8,
      explanation: { de: 'Sieben von Deutsch, einer von Gosling.', en: 'Seven by Deutsch, one by Gosling.' },
    },
    {
      id: 'first-fallacy',
      kind: 'short',
      prompt: { de: 'Wie lautet der erste Trugschluss (englisch)?', en: 'What is the first fallacy?' },
      source: { title: 'Fallacies of distributed computing', checked: '2026-11-28' },
      accept: ['The network is reliable', 'network is reliable'],
      explanation: { de: 'Nachrichten gehen verloren.', en: 'Messages get lost.' },
    },
    {
      id: 'layers',
      kind: 'ordering',
      prompt: { de: 'Ordne die TCP/IP-Schichten von oben nach unten.', en: 'Order the TCP/IP layers from top to bottom.' },
      source: { title: 'RFC 1122', url: 'https://www.rfc-editor.org/rfc/rfc1122', checked: '2026-11-28' },
      items: [
        { id: 'application', text: { de: 'Anwendung', en: 'Application' } },
        { id: 'transport', text: { de: 'Transport', en: 'Transport' } },
        { id: 'internet', text: { de: 'Internet', en: 'Internet' } },
        { id: 'link', text: { de: 'Netzzugang', en: 'Link' } },
      ],
      explanation: { de: 'Vier Schichten im TCP/IP-Modell.', en: 'Four layers in the TCP/IP model.' },
    },
  ],
});
