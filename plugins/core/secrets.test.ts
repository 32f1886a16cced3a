import {describe, expect, it} from 'vitest';
import {looksLikeSecret} from './secrets';

// Assembled at run time so that this file itself trips no secret scanner.
const stripe = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');

describe('looksLikeSecret by shape, whatever the name', () => {
  const shapes: [string, string][] = [
    ['Stripe live key', stripe],
    ['Stripe test key', ['sk', 'test', 'abcdef123456'].join('_')],
    ['GitHub token', `ghp_${'a1B2c3D4e5'.repeat(4)}`],
    ['GitHub fine-grained token', `github_pat_${'11ABCDEFG0'.repeat(3)}`],
    ['Slack bot token', 'xoxb-123456789012-abcdefABCDEF'],
    ['Slack user token', 'xoxp-123456789012-abcdefABCDEF'],
    ['AWS key id', `AKIA${'IOSFODNN7EXAMPLE'}`],
    ['Google API key', `AIza${'SyA-1234567890abcdefghijklmnopqrs'}`],
    ['PEM block', '-----BEGIN RSA PRIVATE KEY-----\nMIIEow...\n-----END RSA PRIVATE KEY-----'],
    ['JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['URL with credentials', 'postgres://admin:hunter2@db.internal:5432/app'],
    ['URL with only a password', 'redis://:s3cret@cache:6379'],
    ['long high-entropy string', 'q8Zr2VbX9mN4tLp7Kc1wYs6Hd3Fg0Ja5'],
  ];
  it.each(shapes)('%s', (_label, value) => {
    expect(looksLikeSecret({name: 'value', value})).toBe(true);
    expect(looksLikeSecret({value})).toBe(true);
  });
});

describe('looksLikeSecret by the name it defaults', () => {
  const named: [string, string][] = [
    ['API_KEY', 'abc123def456'],
    ['apiKey', 'Zx81kQ02plm'],
    ['DB_PASSWORD', 'changeme'],
    ['password', 'admin'],
    ['clientSecret', 'topsecret'],
    ['AUTH_TOKEN', 'tok-98765-abc'],
    ['PRIVATE_KEY', 'k3y-material-0001'],
    ['credentials', 'user1:pass1'],
  ];
  it.each(named)('%s = %s', (name, value) => {
    expect(looksLikeSecret({name, value})).toBe(true);
    // The same value under a harmless name is not a secret by name.
    expect(looksLikeSecret({name: 'label', value})).toBe(false);
  });

  it('takes every name the value belongs to (the variable and the environment variable it defaults)', () => {
    expect(looksLikeSecret({name: ['config', 'STRIPE_SECRET'], value: 'whatever'})).toBe(true);
  });
});

describe('looksLikeSecret leaves ordinary values alone', () => {
  const plain: [string | undefined, string][] = [
    ['TOKEN_HEADER', 'Authorization'],
    ['tokenUrl', 'https://auth.example.com/oauth/token'],
    ['PASSWORD_ERROR', 'Invalid password, try again'],
    ['keyFile', './keys/dev.pem'],
    ['API_KEY_ENV', 'STRIPE_API_KEY'],
    ['sortKey', 'name'],
    ['cacheKey', 'user-profile'],
    ['themeKey', 'docs.theme'],
    ['password', ''],
    [undefined, 'application/vnd.github.v3+json'],
    [undefined, 'https://example.com/path?q=1'],
    [undefined, 'Hello, world'],
    [undefined, 'abcdefghijklmnopqrstuvwxyzabcdef'],
    ['mode', 'production'],
  ];
  it.each(plain)('%s = %s', (name, value) => {
    expect(looksLikeSecret({name, value})).toBe(false);
  });
});
