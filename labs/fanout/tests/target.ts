/** The publisher under test: `solution/` or `exercise/`, as `LAB_TARGET` says. */
import { loadTarget } from '../../kit/target.ts';

type PublishModule = typeof import('../solution/publish.ts');
export const { publishOrder } = await loadTarget<PublishModule>('fanout', 'publish.ts');
