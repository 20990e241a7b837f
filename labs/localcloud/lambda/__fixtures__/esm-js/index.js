// ES module syntax in a .js file with no package.json: Node 22's syntax detection makes it an ES module.
import { helper } from './helper.js';

export const handler = async () => ({ format: 'module', helped: helper() });
