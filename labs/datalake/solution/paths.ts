/** Where a user's datasets live, and which dataset names are safe (reference solution). */
import path from 'node:path';
import type { LakePaths } from '../lake/contracts.ts';
import { LakeError } from '../lake/errors.ts';
import { MAX_NAME_LENGTH } from '../lake/limits.ts';

/** Cognito `sub`s are UUIDs; accept letters, digits and dashes only, so a sub is always one plain directory name. */
const subPattern = /^[A-Za-z0-9-]{1,128}$/;
/** An allow-list: letters, digits, dot, underscore, dash. No slash, backslash, NUL or percent can get through. */
const namePattern = /^[A-Za-z0-9._-]+$/;

/** Throws unless `candidate` lies strictly inside `dir` — a second line of defence behind the allow-lists. */
function assertInside(dir: string, candidate: string): string {
  const relative = path.relative(dir, candidate);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw new LakeError(400, 'the path leaves its directory');
  return candidate;
}

export const paths: LakePaths = {
  userDirectory(root, sub) {
    if (!subPattern.test(sub)) throw new LakeError(400, 'the token sub is not a valid user id');
    const usersDir = path.resolve(root, 'users');
    return assertInside(usersDir, path.join(usersDir, sub));
  },
  checkDatasetName(name) {
    if (name.length === 0 || name.length > MAX_NAME_LENGTH) throw new LakeError(400, `a dataset name has 1 to ${MAX_NAME_LENGTH} characters`);
    if (!namePattern.test(name)) throw new LakeError(400, 'a dataset name may contain only letters, digits, ".", "_" and "-"');
    // "." and ".." are traversal; other leading dots are reserved for temporary files and uploads.
    if (name.startsWith('.')) throw new LakeError(400, 'a dataset name must not start with "."');
    assertInside('/lake', path.join('/lake', name));
    return name;
  },
};
