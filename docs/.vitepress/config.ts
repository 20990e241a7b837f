export { default } from '../../vitepress.config.ts';
