/**
 * Whether a string literal from a target looks like a secret, so that it is never published. Code
 * defaults (`process.env.API_KEY || 'sk_live_…'`), constants and enum members are shown in the code
 * reference and later in the configuration reference; a real key left there as a fallback would go
 * into pages, the JS bundle and the search index. Two kinds of evidence, either enough:
 *
 * - the name the value belongs to (the variable, parameter, property or environment variable it
 *   defaults): `*KEY*`, `*SECRET*`, `*TOKEN*`, `*PASSWORD*`... with a value that could be one;
 * - the shape of the value alone: a known key prefix (`sk_live_`, `ghp_`, `AKIA`…), a PEM block, a
 *   JWT, a URL with a password in it, or a long string of high entropy.
 *
 * It errs towards hiding: a cache key hidden by mistake costs a reader little, a published key costs
 * its owner a rotation.
 */

/** What replaces a hidden literal, everywhere it would have been shown. */
export const HIDDEN_SECRET = '"…" (hidden: looks like a secret)';

/** Bump when the rules change, so caches of extracted facts made by older rules miss. */
export const SECRET_RULES_VERSION = '1';

export interface SecretCandidate {
  /** The names the value belongs to: a variable, parameter or property, an environment variable. */
  name?: string | readonly string[];
  /** The literal's value (without quotes). */
  value: string;
}

/** Words of a name that say it holds a secret: `apiKey`, `DB_PASSWORD`, `client-secret`, `authToken`. */
const SECRET_WORD = /^(?:\w*key|\w*keys|\w*secrets?|\w*tokens?|\w*passw(?:or)?ds?|pwd|pass|passphrase|\w*credentials?|private|salt|\w*apikey)$/;
/** Names that hold a password: any non-trivial value is hidden, even `admin` or `changeme`. */
const PASSWORD_WORD = /^(?:\w*secrets?|\w*passw(?:or)?ds?|pwd|pass|passphrase|\w*credentials?)$/;

/** Prefixes and forms of keys that providers issue, recognisable without a name. */
const KNOWN_SHAPES: readonly RegExp[] = [
  /\b(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{6,}/, // Stripe
  /\bwhsec_[0-9A-Za-z]{16,}/, // Stripe webhook secret
  /\bgh[pousr]_[0-9A-Za-z]{20,}/, // GitHub tokens
  /\bgithub_pat_[0-9A-Za-z_]{20,}/,
  /\bxox[abposr]-[0-9A-Za-z-]{8,}/, // Slack
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b/, // AWS access key ids
  /\bAIza[0-9A-Za-z_-]{30,}/, // Google API keys
  /\bglpat-[0-9A-Za-z_-]{16,}/, // GitLab
  /\bnpm_[0-9A-Za-z]{30,}/, // npm
  /\bSG\.[0-9A-Za-z_-]{16,}\.[0-9A-Za-z_-]{16,}/, // SendGrid
  /\bsk-(?:proj-|ant-)?[0-9A-Za-z_-]{20,}/, // OpenAI, Anthropic
  /-----BEGIN [A-Z ]*(?:PRIVATE KEY|CERTIFICATE|PGP PRIVATE KEY BLOCK)-----/,
  /\beyJ[0-9A-Za-z_-]{8,}\.eyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{8,}/, // JWT
  /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i, // scheme://user:password@host
];

/** Names split into lower-case words: `apiKey` → api, key; `DB_PASSWORD` → db, password. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

function namesOf(name: SecretCandidate['name']): string[] {
  if (name === undefined) return [];
  return typeof name === 'string' ? [name] : [...name];
}

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** A long token of mixed letters and digits with no structure a reader would recognise: a key, a hash, a password. */
function isHighEntropy(value: string): boolean {
  if (value.length < 24 || !/^[A-Za-z0-9+/=_-]+$/.test(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  // Paths and MIME-like strings have slashes between words; base64 seldom has several.
  if (/^[a-z]+(?:\/[a-z0-9-]+)+$/i.test(value)) return false;
  return entropy(value) >= 3.5;
}

/** Values that, under a secret-sounding name, are still not a secret: messages, URLs, paths, env names. */
function isPlainValue(value: string): boolean {
  if (/\s/.test(value.trim())) return true; // a message: 'Invalid token'
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return true; // a URL without credentials (those are shapes)
  if (/^(?:\.{0,2}\/|~\/)/.test(value)) return true; // a path: './keys/dev.pem'
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return true; // an environment variable's name
  return false;
}

/** Several character classes, or long enough: what a key looks like rather than a word. */
function couldBeKey(value: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
  return (value.length >= 8 && classes >= 2 && /[0-9]/.test(value)) || value.length >= 20;
}

export function looksLikeSecret({name, value}: SecretCandidate): boolean {
  const text = value.trim();
  if (text.length < 4) return false;
  if (KNOWN_SHAPES.some((shape) => shape.test(text))) return true;
  if (isHighEntropy(text)) return true;
  if (isPlainValue(text)) return false;
  const nameWords = namesOf(name).flatMap(words);
  if (nameWords.some((word) => PASSWORD_WORD.test(word))) return true;
  return nameWords.some((word) => SECRET_WORD.test(word)) && couldBeKey(text);
}
