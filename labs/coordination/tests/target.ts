/** The implementations under test: `solution/` by default, `exercise/` with `LAB_TARGET=exercise`. */
import { loadTarget, resolveTarget } from '../../kit/target.ts';
import type { LamportModule, LeaseModule } from '../contract.ts';

export const target = resolveTarget();
export const lease = await loadTarget<LeaseModule>('coordination', 'lease.ts', target);
export const { createLamportClock } = await loadTarget<LamportModule>('coordination', 'lamport.ts', target);
