import {describe, expect, it} from 'vitest';
import {createFrontMatterSchema, validateFrontMatter} from '../audience/frontMatterSchema';
import {GENERATED_PAGE_PRESETS, generatedPageFrontMatter, type GeneratedPageKind} from './generatedPagePresets';
import {createVocabulary} from '../audience/vocabulary';

const schema = createFrontMatterSchema(createVocabulary());

describe('generated page presets', () => {
  it.each(Object.keys(GENERATED_PAGE_PRESETS) as GeneratedPageKind[])('%s passes the front matter schema', (kind) => {
    expect(validateFrontMatter({...generatedPageFrontMatter(kind)}, schema).problems).toEqual([]);
  });

  it('gives the API reference to integrators and backend engineers, as reference for the level in between', () => {
    expect(generatedPageFrontMatter('apiReference')).toEqual({audience: ['integrator', 'backend'], experience_level: 'intermediate', content_type: 'api'});
  });

  it('lets a page override one field without changing the preset', () => {
    const page = generatedPageFrontMatter('architecture', {tags: ['diagrams']});
    page.audience.push('sre');
    expect(page.tags).toEqual(['diagrams']);
    expect(GENERATED_PAGE_PRESETS.architecture.audience).toEqual(['architect', 'backend']);
  });
});
