/**
 * Pan and zoom for large Mermaid diagrams (an ER diagram of every table, a 40-node graph): Mermaid
 * scales a wide diagram down to the column, so its labels become unreadable. A diagram drawn at
 * less than LARGE_SCALE of its natural size, or taller than the window, gets d3-zoom (the library
 * Mermaid itself ships) and a toolbar of real buttons: zoom in, zoom out, reset. Small diagrams are
 * left exactly as Mermaid drew them. The wheel zooms only with Ctrl or ⌘, so scrolling the page
 * over a diagram still scrolls the page.
 *
 * Charts (Mermaid's xychart and pie) scroll sideways instead: their labels and bars have a fixed
 * layout that panning cannot bring into one view on a phone, so a chart drawn too small keeps at
 * least LARGE_SCALE of its natural width in a container that scrolls, reachable by keyboard.
 *
 * Docusaurus renders each diagram into its container after hydration, and again on a theme switch
 * (the SVG is replaced), so containers are watched rather than enhanced once.
 */
import {select} from 'd3-selection';
import {zoom, zoomIdentity, type ZoomBehavior} from 'd3-zoom';

const CONTAINER = '.docusaurus-mermaid-container';
const SVG_NS = 'http://www.w3.org/2000/svg';
/** Drawn at under this fraction of its natural width, a diagram's text is too small to read. */
const LARGE_SCALE = 0.75;
const STEP = 1.25;

function isLarge(svg: SVGSVGElement): boolean {
  const box = svg.viewBox.baseVal;
  const shown = svg.getBoundingClientRect();
  if (!box || box.width === 0 || shown.width === 0) return false;
  return shown.width / box.width < LARGE_SCALE || shown.height > window.innerHeight * 0.9;
}

function button(label: string, text: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'da-zoom-button';
  element.setAttribute('aria-label', label);
  element.title = label;
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

/** Mermaid's charts, by the role it gives their SVG. */
const CHARTS = new Set(['xychart', 'pie']);

function scrollSideways(container: HTMLElement, svg: SVGSVGElement): void {
  svg.setAttribute('data-da-zoom', 'scroll');
  svg.style.minWidth = `${Math.round(svg.viewBox.baseVal.width * LARGE_SCALE)}px`;
  container.classList.add('da-scrollable');
  // A region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable).
  container.tabIndex = 0;
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', svg.querySelector('title')?.textContent?.trim() || 'Chart');
}

function enhance(container: HTMLElement, svg: SVGSVGElement): void {
  svg.setAttribute('data-da-zoom', 'small');
  if (!isLarge(svg)) return;
  if (CHARTS.has(svg.getAttribute('aria-roledescription') ?? '')) return scrollSideways(container, svg);
  svg.setAttribute('data-da-zoom', 'on');
  // One layer under the root takes the transform, so Mermaid's own groups and styles stay untouched.
  const layer = document.createElementNS(SVG_NS, 'g');
  layer.setAttribute('class', 'da-zoom-layer');
  for (const child of [...svg.childNodes]) if (!(child instanceof SVGStyleElement) && !(child instanceof SVGDefsElement)) layer.append(child);
  svg.append(layer);
  const behavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.5, 10])
    .filter((event: MouseEvent | WheelEvent) => (event.type === 'wheel' ? event.ctrlKey || event.metaKey : !event.button))
    .on('zoom', (event: {transform: {toString(): string}}) => layer.setAttribute('transform', event.transform.toString()));
  const selection = select(svg);
  selection.call(behavior);
  const toolbar = document.createElement('div');
  toolbar.className = 'da-zoom-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Diagram zoom');
  toolbar.append(
    button('Zoom in', '+', () => behavior.scaleBy(selection, STEP)),
    button('Zoom out', '\u2212', () => behavior.scaleBy(selection, 1 / STEP)),
    button('Reset zoom', 'Reset', () => behavior.transform(selection, zoomIdentity)),
  );
  container.classList.add('da-zoomable');
  container.prepend(toolbar);
}

function scan(): void {
  for (const container of document.querySelectorAll<HTMLElement>(CONTAINER)) {
    const svg = container.querySelector<SVGSVGElement>(':scope > svg');
    if (svg && !svg.hasAttribute('data-da-zoom')) enhance(container, svg);
  }
}

let scheduled = false;
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    scan();
  });
}

if (typeof window !== 'undefined' && typeof MutationObserver !== 'undefined') {
  new MutationObserver(schedule).observe(document.documentElement, {childList: true, subtree: true});
  schedule();
}

export function onRouteDidUpdate(): void {
  if (typeof window !== 'undefined') schedule();
}
