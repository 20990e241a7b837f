/**
 * Decides whether a `.js` file of a function is ES module or CommonJS the way Lambda sees it: only package.json
 * files inside the function's own code directory count (on Lambda nothing lies above /var/task), and without a
 * `type` field the source itself decides (Node 22's syntax detection). The repository's own package.json
 * (`"type": "module"`) must not turn a CommonJS bundle from cdk.out into an ES module.
 * Plain JS on purpose: the function process loads this without a TypeScript loader to keep cold starts short.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const cache = new Map();

function packageType(dir, codeDir) {
  for (let current = dir; ; current = path.dirname(current)) {
    const file = path.join(current, 'package.json');
    if (fs.existsSync(file)) {
      try {
        const type = JSON.parse(fs.readFileSync(file, 'utf8')).type;
        if (type === 'module' || type === 'commonjs') return type;
      } catch {
        // An unreadable package.json is ignored, as Node does for the type lookup.
      }
    }
    if (current === codeDir || path.dirname(current) === current) return undefined;
  }
}

const esmSyntax = /Cannot use import statement|Unexpected token 'export'|import\.meta|await is only valid/;

function detect(file) {
  try {
    new vm.Script(fs.readFileSync(file, 'utf8'), { filename: file });
    return 'commonjs';
  } catch (error) {
    return error instanceof SyntaxError && esmSyntax.test(error.message) ? 'module' : 'commonjs';
  }
}

/** `module` or `commonjs` for a file inside `codeDir`; undefined for files outside it (Node decides there). */
export function functionModuleFormat(file, codeDir) {
  if (!file.startsWith(codeDir + path.sep)) return undefined;
  if (file.endsWith('.mjs')) return 'module';
  if (file.endsWith('.cjs')) return 'commonjs';
  if (!file.endsWith('.js')) return undefined;
  let format = cache.get(file);
  if (!format) {
    format = packageType(path.dirname(file), codeDir) ?? detect(file);
    cache.set(file, format);
  }
  return format;
}
