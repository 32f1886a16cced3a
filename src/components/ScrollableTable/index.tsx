/**
 * A Markdown table a keyboard can scroll. A table wider than its column scrolls sideways inside
 * itself (Infima's `display: block; overflow: auto`, the last resort of src/css/custom.css), which at
 * phone width many do; a region that scrolls must be reachable by keyboard (WCAG 2.1.1, axe-core's
 * `scrollable-region-focusable`). The server-rendered table is focusable, so this holds without
 * JavaScript; once hydrated, a table that fits gives the tab stop up, and takes it back when the
 * window narrows.
 */
import {useEffect, useRef, useState, type ComponentProps, type ReactNode} from 'react';

export default function ScrollableTable(props: ComponentProps<'table'>): ReactNode {
  const ref = useRef<HTMLTableElement>(null);
  const [scrolls, setScrolls] = useState(true);
  useEffect(() => {
    const table = ref.current;
    if (!table || typeof ResizeObserver === 'undefined') return undefined;
    const measure = () => setScrolls(table.scrollWidth > table.clientWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(table);
    measure();
    return () => observer.disconnect();
  }, []);
  return <table {...props} ref={ref} tabIndex={scrolls ? 0 : undefined} />;
}
