import {describe, expect, it} from 'vitest';
import {isUserError} from '../core/errors';
import {assignSectionIds, type SpecIdentity} from './sectionIds';

const spec = (file: string, title?: string, version?: string, id?: string): SpecIdentity => ({source: {file, configured: Boolean(id), id}, title, version});

describe('assignSectionIds', () => {
  it('names a section after its title', () => {
    expect(assignSectionIds([spec('openapi.yaml', "GitHub's REST API", '1.1.4')])).toEqual(['api-githubs-rest-api']);
  });

  it('puts the version in the ids of every version of one API, so they read alike', () => {
    expect(assignSectionIds([spec('v1/openapi.yaml', 'Pets', '1.0.0'), spec('v2/openapi.yaml', 'Pets', '2.0.0')])).toEqual(['api-pets-1-0-0', 'api-pets-2-0-0']);
  });

  it('falls back to the path when title and version are the same, and to the file name without a title', () => {
    expect(assignSectionIds([spec('a/openapi.yaml', 'Pets', '1'), spec('b/openapi.yaml', 'Pets', '1'), spec('c/orders.yaml')])).toEqual([
      'api-pets-1',
      'api-pets-b-openapi',
      'api-orders',
    ]);
  });

  it('keeps a configured id, and refuses two sections with the same one', () => {
    expect(assignSectionIds([spec('a.yaml', 'Pets', '1', 'pets'), spec('b.yaml', 'Pets', '2')])).toEqual(['pets', 'api-pets']);
    let error: unknown;
    try {
      assignSectionIds([spec('a.yaml', 'A', '1', 'same'), spec('b.yaml', 'B', '1', 'same')], '/repo/docs-architect.config.yaml');
    } catch (thrown) {
      error = thrown;
    }
    expect(isUserError(error) && error.details).toMatchObject({file: '/repo/docs-architect.config.yaml', key: 'openapi.specs.1.id'});
  });

  it('gives the same ids for the same input', () => {
    const input = [spec('x/openapi.yaml', 'Café API', '1'), spec('y/openapi.yaml', 'Café API', '1')];
    expect(assignSectionIds(input)).toEqual(assignSectionIds(input));
  });
});
