/** The proxy under test: `solution/` by default, `exercise/` with `LAB_TARGET=exercise`. */
import { loadTarget, resolveTarget } from '../../kit/target.ts';
import type { ProxyModule } from '../contract.ts';

export const target = resolveTarget();
export const { startProxy } = await loadTarget<ProxyModule>('networks', 'proxy.ts', target);
