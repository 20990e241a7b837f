/**
 * Static check that a question's proof still proves it: the named test file exists, holds exactly one
 * active test with the named title, and that test calls `expectKeyed(<this chapter's quiz>, '<question id>', …)`
 * with `expectKeyed` imported from `proof.ts`. Running the proof (normal `vitest run`) then shows whether the
 * observed behaviour matches the key; this check makes sure the proof has not stopped asserting it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Question } from './quiz.ts';

const TEST_FUNCTIONS = new Set(['test', 'it']);
/** Modifiers that still run the test; `.skip`, `.todo`, `.fails` etc. do not prove anything. */
const RUNNING_MODIFIERS = new Set(['concurrent', 'sequential']);
const PROOF_MODULE = fileURLToPath(new URL('./proof.ts', import.meta.url));

const stringValue = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

/** `./x`, `./x.ts` and `./x.js` all name the same TypeScript module. */
function resolveModule(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(fromFile), specifier);
  const ext = extname(target);
  return ext === '.ts' ? target : ext === '.js' ? target.slice(0, -3) + '.ts' : target + '.ts';
}

/** Local names bound by `import name from '<quiz>'` and `import { expectKeyed as name } from '<proof>'`. */
function importedNames(source: ts.SourceFile, file: string, quizFile: string) {
  const quizNames = new Set<string>();
  const expectNames = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause || statement.importClause.isTypeOnly) continue;
    const target = resolveModule(file, (statement.moduleSpecifier as ts.StringLiteral).text);
    const clause = statement.importClause;
    if (target === quizFile && clause.name) quizNames.add(clause.name.text);
    if (target === PROOF_MODULE && clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
      for (const element of clause.namedBindings.elements) {
        if ((element.propertyName ?? element.name).text === 'expectKeyed') expectNames.add(element.name.text);
      }
    }
  }
  return { quizNames, expectNames };
}

/** `test(...)`, `it(...)`, `test.concurrent(...)` → 'run'; `test.skip(...)` etc. → 'inactive'; else undefined. */
function testCallKind(call: ts.CallExpression): 'run' | 'inactive' | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return TEST_FUNCTIONS.has(callee.text) ? 'run' : undefined;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && TEST_FUNCTIONS.has(callee.expression.text)) {
    return RUNNING_MODIFIERS.has(callee.name.text) ? 'run' : 'inactive';
  }
  return undefined;
}

function findCalls(root: ts.Node, predicate: (call: ts.CallExpression) => boolean): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && predicate(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/**
 * Returns the problems with `question`'s proof (empty when it is sound). Paths are relative to `root`;
 * `quizFile` is the quiz module the proof must import (e.g. `docs/quizzes/01-cloud.ts`).
 */
export function checkProof(question: Question, quizFile: string, root = process.cwd()): string[] {
  const proof = question.proof;
  if (!proof) return [];
  const where = `question "${question.id}": proof test "${proof.name}" in ${proof.test}`;
  const file = resolve(root, proof.test);
  if (!existsSync(file)) return [`${where}: the test file does not exist`];

  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const { quizNames, expectNames } = importedNames(source, file, resolve(root, quizFile));
  const named = findCalls(source, (call) => testCallKind(call) !== undefined && stringValue(call.arguments[0]) === proof.name);
  const running = named.filter((call) => testCallKind(call) === 'run');

  if (named.length === 0) return [`${where}: no test with exactly this name`];
  if (running.length === 0) return [`${where}: the test is skipped or marked todo/fails, so it proves nothing`];
  if (running.length > 1) return [`${where}: ${running.length} tests have this name; keep one`];
  if (quizNames.size === 0) return [`${where}: the file does not import the quiz (import quiz from '…/${quizFile.split('/').pop()}')`];
  if (expectNames.size === 0) return [`${where}: the file does not import expectKeyed from docs/quizzes/proof.ts`];

  const body = running[0]!.arguments[1];
  const asserts =
    body !== undefined &&
    findCalls(
      body,
      (call) =>
        ts.isIdentifier(call.expression) &&
        expectNames.has(call.expression.text) &&
        call.arguments.length === 3 &&
        ts.isIdentifier(call.arguments[0]!) &&
        quizNames.has(call.arguments[0].text) &&
        stringValue(call.arguments[1]) === question.id,
    ).length > 0;
  if (!asserts) return [`${where}: the test does not call expectKeyed(<quiz>, '${question.id}', <observed>)`];
  return [];
}
