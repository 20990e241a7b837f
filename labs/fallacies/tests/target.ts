/** The client under test: `solution/` by default, `exercise/` with `LAB_TARGET=exercise`. */
import { loadTarget, resolveTarget } from '../../kit/target.ts';
import type { ClientModule } from '../contract.ts';

export const target = resolveTarget();
export const { placeOrder } = await loadTarget<ClientModule>('fallacies', 'client.ts', target);
