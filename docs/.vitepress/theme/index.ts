import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import Quiz from '../../quizzes/ui/Quiz.vue';
import ChapterLinks from './components/ChapterLinks.vue';
import CourseIndex from './components/CourseIndex.vue';
import LabIndex from './components/LabIndex.vue';
import LiveEvents from './components/LiveEvents.vue';
// Headings use the decks' serif face, bundled from fontsource (no font service, works offline).
import '@fontsource/pt-serif/400.css';
import '@fontsource/pt-serif/700.css';
import './custom.css';

const theme: Theme = {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('Quiz', Quiz);
    app.component('ChapterLinks', ChapterLinks);
    app.component('CourseIndex', CourseIndex);
    app.component('LabIndex', LabIndex);
    app.component('LiveEvents', LiveEvents);
  },
};

export default theme;
