/**
 * ES module hooks for function code: bare specifiers the code directory cannot resolve (`@aws-sdk/*` left external
 * by the bundler) are resolved from the repository's node_modules, as Lambda's runtime provides the SDK; `.js`
 * files get the format Lambda would give them (see module-format.mjs).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { functionModuleFormat } from './module-format.mjs';

let codeDir = '';
let fallbackParent = '';

export function initialize(data) {
  codeDir = data.codeDir;
  fallbackParent = pathToFileURL(path.join(data.repoRoot, 'package.json')).href;
}

const isBare = (specifier) => !/^(\.|\/|[a-z]+:)/i.test(specifier);

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (!isBare(specifier) || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    return nextResolve(specifier, { ...context, parentURL: fallbackParent });
  }
}

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) {
    const format = functionModuleFormat(fileURLToPath(url), codeDir);
    if (format === 'module') return nextLoad(url, { ...context, format });
  }
  return nextLoad(url, context);
}
