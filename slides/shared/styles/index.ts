// Fonts come from fontsource packages (bundled into the build) instead of a web font service,
// so decks work offline; every deck sets `fonts: { provider: none }` in its headmatter.
import '@fontsource/pt-serif/400.css'
import '@fontsource/pt-serif/400-italic.css'
import '@fontsource/pt-serif/700.css'
import '@fontsource/pt-mono/400.css'
import './course.css'
