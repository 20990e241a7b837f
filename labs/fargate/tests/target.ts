/** The implementation under test: `solution/` by default, `exercise/` with `LAB_TARGET=exercise`. */
import { resolveTarget } from '../../kit/target.ts';
import { loadImplementation } from '../services/implementation.ts';

export const target = resolveTarget();
export const impl = await loadImplementation(target);
