import { labPages } from '../../scripts/lib/lab-pages.ts';

// German lab pages: one per manifest lab, each showing labs/<lab>/README.de.md.
export default {
  watch: ['../../labs/*/README.de.md'],
  paths: () => labPages('de'),
};
