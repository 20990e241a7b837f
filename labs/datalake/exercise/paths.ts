/**
 * Where a user's datasets live, and which dataset names are safe (your exercise).
 *
 * TODO 1 — per-user isolation: `userDirectory` returns the same directory for everybody, so every user can read,
 * list and overwrite every other user's datasets. Give each token `sub` its own directory below `root`, and refuse
 * a `sub` that could not be one plain directory name.
 *
 * TODO 2 — safe names: `checkDatasetName` accepts anything, so `../../etc/passwd`, `%2e%2e`, `/etc/passwd`, a NUL
 * byte or `..\\..` reach the file system. Allow only [A-Za-z0-9._-], at most MAX_NAME_LENGTH characters, and no
 * name starting with "." (those are "." and "..", and the reserved temporary files). Throw
 * `new LakeError(400, 'why')` for everything else.
 */
import path from 'node:path';
import type { LakePaths } from '../lake/contracts.ts';

export const paths: LakePaths = {
  userDirectory(root, _sub) {
    // TODO 1: one directory per user, inside root.
    return path.resolve(root);
  },
  checkDatasetName(name) {
    // TODO 2: an allow-list, a length limit, no leading dot.
    return name;
  },
};
