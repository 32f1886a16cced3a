import {describe, expect, it} from 'vitest';
import {createFrontMatterSchema, parseReadingTime, parseReviewCycle, validateFrontMatter} from './frontMatterSchema';
import {createVocabulary} from './vocabulary';

const schema = createFrontMatterSchema(createVocabulary());
const validate = (frontMatter: Record<string, unknown>) => validateFrontMatter(frontMatter, schema);

describe('audience', () => {
  it('takes a list, a single id, or the {primary, secondary} form of common templates', () => {
    expect(validate({audience: ['sre', 'backend']}).value.audience).toEqual({all: ['sre', 'backend'], primary: ['sre', 'backend']});
    expect(validate({audience: 'sre'}).value.audience).toEqual({all: ['sre'], primary: ['sre']});
    expect(
      validate({audience: {primary: ['backend-engineers', 'integration-engineers'], secondary: ['qa-engineers', 'backend']}}).value
        .audience,
    ).toEqual({all: ['backend', 'integrator', 'qa'], primary: ['backend', 'integrator']});
  });

  it('reads aliases whatever their case and separators', () => {
    expect(validate({audience: ['Backend Engineers', 'platform_engineers']}).value.audience?.all).toEqual(['backend', 'sre']);
  });

  it('names the value, the allowed ones and the closest match', () => {
    const {value, problems} = validate({audience: ['sre', 'srr']});
    expect(value.audience).toBeUndefined();
    expect(problems).toEqual([
      {
        path: ['audience', 1],
        value: 'srr',
        message: 'unknown audience "srr"',
        fix: expect.stringMatching(/^Did you mean "sre"\? Allowed: everyone, new-hire, backend, .*qa \(a site adds its own under audiences\.extra/),
      },
    ]);
  });

  it('suggests the id, not the alias, of a near miss', () => {
    expect(validate({audience: ['bakend-engineers']}).problems[0]!.fix).toMatch(/^Did you mean "backend"\?/);
  });

  it('makes no suggestion when nothing is close', () => {
    const [problem] = validate({audience: ['marketing']}).problems;
    expect(problem!.fix).toMatch(/^Allowed: /);
  });

  it('points into the secondary list', () => {
    expect(validate({audience: {primary: ['sre'], secondary: ['archtect']}}).problems[0]).toMatchObject({
      path: ['audience', 'secondary', 0],
      value: 'archtect',
      fix: expect.stringMatching(/^Did you mean "architect"/),
    });
  });

  it('rejects a wrong shape with an example', () => {
    expect(validate({audience: 3}).problems[0]).toMatchObject({path: ['audience'], message: 'unexpected number 3', fix: expect.stringContaining('[backend, sre]')});
  });

  it('accepts audiences from the config', () => {
    const own = createFrontMatterSchema(createVocabulary({extra: [{id: 'data-science', label: 'Data scientists', aliases: ['data-scientists']}]}));
    expect(validateFrontMatter({audience: ['data-scientists']}, own).value.audience?.all).toEqual(['data-science']);
    expect(validateFrontMatter({audience: ['data-sciense']}, own).problems[0]!.fix).toMatch(/^Did you mean "data-science"/);
  });
});

describe('experience_level', () => {
  it.each([
    ['beginner', {from: 'beginner', to: 'beginner'}],
    ['Advanced', {from: 'advanced', to: 'advanced'}],
    ['beginner-to-intermediate', {from: 'beginner', to: 'intermediate'}],
    ['advanced to intermediate', {from: 'intermediate', to: 'advanced'}],
    ['all levels', {from: 'beginner', to: 'advanced'}],
  ])('%s', (input, expected) => {
    expect(validate({experience_level: input}).value.experience_level).toEqual(expected);
  });

  it('suggests the level a typo meant', () => {
    expect(validate({experience_level: 'intermedate'}).problems[0]).toMatchObject({
      message: 'unknown experience level "intermedate"',
      fix: expect.stringMatching(/^Did you mean "intermediate"\? Allowed: beginner, intermediate, advanced/),
    });
  });
});

describe('content_type', () => {
  it('maps template spellings to the vocabulary', () => {
    expect(validate({content_type: 'architecture-guide'}).value.content_type).toBe('architecture');
    expect(validate({content_type: 'API documentation'}).value.content_type).toBe('api');
  });

  it('suggests the closest type', () => {
    expect(validate({content_type: 'runbok'}).problems[0]).toMatchObject({value: 'runbok', fix: expect.stringMatching(/^Did you mean "runbook"\?/)});
  });
});

describe('estimated_reading_time', () => {
  it.each([
    [12, 12],
    ['12', 12],
    ['25 minutes', 25],
    ['25 min read', 25],
    ['1h 30m', 90],
    ['1 hour and 15 minutes', 75],
    ['2.5 hours (spread over 3 days)', 150],
    ['PT1H5M', 65],
  ])('%s is %d minutes', (input, minutes) => {
    expect(parseReadingTime(input)).toBe(minutes);
    expect(validate({estimated_reading_time: input}).value.estimated_reading_time).toBe(minutes);
  });

  it.each(['soon', '0', -3, 'ten minutes'])('rejects %s', (input) => {
    expect(validate({estimated_reading_time: input}).problems[0]!.fix).toMatch(/^Write minutes/);
  });
});

describe('review fields', () => {
  it('reads named cycles, amounts and ISO periods', () => {
    expect(parseReviewCycle('Quarterly')).toEqual({label: 'quarterly', months: 3, days: 0});
    expect(parseReviewCycle('90 days')).toEqual({label: '90 days', months: 0, days: 90});
    expect(parseReviewCycle('every 2 weeks')).toEqual({label: 'every 2 weeks', months: 0, days: 14});
    expect(parseReviewCycle('P1Y')).toEqual({label: 'P1Y', months: 12, days: 0});
    expect(parseReviewCycle('sometimes')).toBeUndefined();
  });

  it('suggests a named cycle', () => {
    expect(validate({review_cycle: 'quartely'}).problems[0]!.fix).toMatch(/^Did you mean "quarterly"\?/);
  });

  it('takes YAML dates and date strings, and rejects impossible days', () => {
    expect(validate({last_reviewed: new Date('2025-01-31T00:00:00Z')}).value.last_reviewed).toBe('2025-01-31');
    expect(validate({last_reviewed: '2025-02-03T10:00:00Z'}).value.last_reviewed).toBe('2025-02-03');
    expect(validate({last_reviewed: '2025-02-30'}).problems[0]).toMatchObject({message: '"2025-02-30" is not a date'});
  });

  it('takes maintainers as one name or a list', () => {
    expect(validate({maintainers: 'platform-team'}).value.maintainers).toEqual(['platform-team']);
    expect(validate({maintainers: ['a', ' ']}).problems[0]!.path).toEqual(['maintainers', 1]);
  });
});

describe('a whole page', () => {
  it('keeps the valid fields when one is wrong, and ignores keys that are not its own', () => {
    const {value, problems} = validate({
      title: 'Payments API',
      audience: ['integrator'],
      experience_level: 'expertise',
      content_type: 'api',
      tags: 'payments',
    });
    expect(value).toEqual({audience: {all: ['integrator'], primary: ['integrator']}, content_type: 'api', tags: ['payments']});
    expect(problems.map((problem) => problem.path[0])).toEqual(['experience_level']);
  });
});
