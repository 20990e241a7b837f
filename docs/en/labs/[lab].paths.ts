import { labPages } from '../../../scripts/lib/lab-pages.ts';

// English lab pages: one per manifest lab, each showing labs/<lab>/README.md.
export default {
  watch: ['../../../labs/*/README.md'],
  paths: () => labPages('en'),
};
