import {describe, expect, it} from 'vitest';
import {mermaidName, mermaidText} from './build';

describe('Mermaid labels', () => {
  it('free text keeps words and safe marks; syntax becomes spaces; long text is cut', () => {
    expect(mermaidText('fix: "quote" %% click x call alert(1);')).toBe('fix quote click x call alert 1');
    expect(mermaidText('###')).toBe('-');
    expect(mermaidText('abcdefghij', 5)).toBe('abcd\u2026');
  });

  it('names keep identifier characters only', () => {
    expect(mermaidName('Map<K, V>["x"]')).toBe('MapKVx');
    expect(mermaidName('$ref.déjà_1')).toBe('$ref.déjà_1');
    expect(mermaidName('()')).toBe('');
  });
});
