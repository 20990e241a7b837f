import { seededRandom } from '../core/random.ts';
for (const s of [7, 11, 42, 1]) { const r = seededRandom(s); console.log(s, Array.from({length: 8}, () => r.next().toFixed(2)).join(' ')); }
