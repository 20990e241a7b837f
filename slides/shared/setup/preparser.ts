// Expands each deck's `layout: quiz` slide into one slide per question of the chapter's quiz data.
export { default } from '../../../docs/quizzes/slidev/preparser.ts';
