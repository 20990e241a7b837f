/** Markdown from the lab READMEs, rendered plainly for a terminal: no markup characters, code indented, no HTML. */
import type { Lang } from '../../course.config.ts';

const DIAGRAM_NOTE: Record<Lang, string> = {
  en: '[diagram: open this page in the workbook to see it]',
  de: '[Diagramm: im Arbeitsbuch auf dieser Seite zu sehen]',
};

const INLINE: [RegExp, string][] = [
  [/!\[([^\]]*)\]\([^)]*\)/g, '[image: $1]'],
  [/\[([^\]]+)\]\((#[^)]*)\)/g, '$1'], // in-page anchors mean nothing in a terminal
  [/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)'],
  [/\*\*([^*]+)\*\*/g, '$1'],
  [/__([^_]+)__/g, '$1'],
  [/(^|[\s(])\*([^*\s][^*]*)\*(?=[\s).,:;!?]|$)/g, '$1$2'],
  [/<\/?(details|summary|br|sup|sub|kbd|b|i|em|strong|span|div|p)\b[^>]*>/gi, ''],
];

const inline = (line: string) => INLINE.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), line);

const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

export function renderMarkdown(markdown: string, lang: Lang = 'en'): string {
  const out: string[] = [];
  let fence: { marker: string; diagram: boolean } | undefined;
  for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
    const fenceMatch = /^\s*(```+|~~~+)\s*([\w-]*)/.exec(line);
    if (fence) {
      if (fenceMatch?.[1] === fence.marker) fence = undefined;
      else if (!fence.diagram) out.push(`    ${line}`);
      continue;
    }
    if (fenceMatch) {
      fence = { marker: fenceMatch[1], diagram: fenceMatch[2] === 'mermaid' };
      if (fence.diagram) out.push(`    ${DIAGRAM_NOTE[lang]}`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const text = inline(heading[2]).trim();
      out.push(text);
      if (heading[1].length <= 2) out.push((heading[1].length === 1 ? '=' : '-').repeat(text.length));
      continue;
    }
    if (TABLE_RULE.test(line.trim())) continue;
    out.push(inline(line).replace(/^(\s*)[*+-] /, '$1• '));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The markdown without the level-2 section whose heading starts with `heading` (e.g. the hints). */
export function withoutSection(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`## ${heading}`));
  if (start < 0) return markdown;
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return [...lines.slice(0, start), ...(end < 0 ? [] : lines.slice(end))].join('\n');
}
