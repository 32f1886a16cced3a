/**
 * The head script runs in a small but real JS sandbox: a document element, localStorage and a URL,
 * the only browser parts it touches.
 */
import vm from 'node:vm';
import {describe, expect, it} from 'vitest';
import {audienceCss, audienceHeadScript, STORAGE_KEY} from './clientScript';

function run(search: string, stored: string | null) {
  const attributes = new Map<string, string>();
  const storage = new Map<string, string>(stored === null ? [] : [[STORAGE_KEY, stored]]);
  vm.runInNewContext(audienceHeadScript(['sre', 'backend']), {
    URLSearchParams,
    location: {search},
    document: {documentElement: {setAttribute: (name: string, value: string) => attributes.set(name, value)}},
    localStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
      removeItem: (key: string) => storage.delete(key),
    },
  });
  return {attribute: attributes.get('data-audience'), stored: storage.get(STORAGE_KEY)};
}

describe('audienceHeadScript', () => {
  it('applies and remembers a shared ?audience=', () => {
    expect(run('?audience=SRE', null)).toEqual({attribute: 'sre', stored: 'sre'});
  });

  it('applies the remembered choice when the URL has none', () => {
    expect(run('', 'backend')).toEqual({attribute: 'backend', stored: 'backend'});
  });

  it('clears the choice with ?audience=all', () => {
    expect(run('?audience=all', 'sre')).toEqual({attribute: undefined, stored: undefined});
  });

  it('ignores an unknown value, in the URL or in storage', () => {
    expect(run('?audience=srr', 'backend')).toEqual({attribute: 'backend', stored: 'backend'});
    expect(run('', 'gone')).toEqual({attribute: undefined, stored: 'gone'});
  });
});

describe('audienceCss', () => {
  it('hides the other audiences’ items but never the active page', () => {
    expect(audienceCss(['sre'])).toContain('html[data-audience="sre"] .da-aud:not(.da-aud-sre):not(.da-aud-active){display:none}');
  });

  it('refuses an id that could break out of a selector', () => {
    expect(() => audienceCss(['a"]{}'])).toThrow(/not safe/);
  });
});
