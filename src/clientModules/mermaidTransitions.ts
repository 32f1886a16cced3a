/**
 * Mermaid binds tooltip handlers to every flowchart node it renders (Docusaurus calls its
 * `bindFunctions`), and they fade the tooltip with d3's transitions on mouseover and mouseout. d3
 * declares itself free of side effects, so the bundler drops d3-transition, whose only job is the
 * side effect of adding `selection.transition`: every mouseout of a box then throws
 * "transition is not a function". Importing it here keeps it in the bundle.
 */
import 'd3-transition';
