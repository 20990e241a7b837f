import { defineMermaidSetup } from '@slidev/types'

// One mermaid look for every deck; 'neutral' stays readable on light and dark slides.
export default defineMermaidSetup(() => ({
  theme: 'neutral',
}))
