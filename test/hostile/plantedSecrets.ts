/**
 * A target with secrets planted in every place the code reference shows a value: a default after
 * `||` and `??`, a parameter default, a const, an enum member, class property initialisers, an object
 * literal's property, a documented `@defaultValue` and a literal type. The unit test and the e2e spec
 * both grep what is generated for each planted value. Values are assembled at run time, so that this
 * file trips no secret scanner and each value is unique to one position.
 */
import fs from 'node:fs';
import path from 'node:path';

const join = (...parts: string[]) => parts.join('');

export const PLANTED_SECRETS = {
  orDefault: join('sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dcORDEF'),
  nullishUrl: join('postgres://app:', 'Pw9xNullish', '@db.internal/app'),
  parameter: join('gh', 'p_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6param'),
  constByName: 'correct-horse-battery-const',
  enumMember: join('github', '_pat_', '11ABCDEFG0enumMember0123456789'),
  readonlyProperty: join('xo', 'xb-', '123456789012-readonlyPropABCDEF'),
  objectProperty: 'p4ssw0rd-objectProperty',
  staticPassword: 'staticHunter2Password',
  documentedDefault: join('AK', 'IA', 'IOSFODNN7DOCDEFA'),
  literalType: join('eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiJsaXRlcmFsVHlwZSJ9', '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'),
  highEntropy: 'q8Zr2VbX9mN4tLp7Kc1wYs6Hd3Fg0Ja5Entropy',
} as const;

const S = PLANTED_SECRETS;

export const PLANTED_SOURCE = `/** Settings read from the environment, with fallbacks. */
export const STRIPE_KEY = process.env.STRIPE_KEY || '${S.orDefault}';

/** Where the data lives. */
export const DATABASE_URL = process.env.DATABASE_URL ?? '${S.nullishUrl}';

/** The session secret. */
export const SESSION_SECRET = '${S.constByName}';

/** A build id that is no secret: it must stay visible. */
export const BUILD_LABEL = 'nightly-build';

/** Connects with a token. */
export function connect(token = '${S.parameter}', region = 'eu-west-1'): string {
  return token + region;
}

/** Providers and their keys. */
export enum ProviderKey {
  Github = '${S.enumMember}',
  Plain = 'plain',
}

/** A client. */
export class Client {
  readonly signingKey = '${S.readonlyProperty}';
  static password = '${S.staticPassword}' as string;
  options = {password: '${S.objectProperty}', retries: 3};
  /**
   * The access key id.
   * @defaultValue '${S.documentedDefault}'
   */
  accessKeyId?: string;
}

/** A literal type. */
export type FixedToken = '${S.literalType}';

/** A default object. */
export const defaults = {checksum: '${S.highEntropy}', name: 'defaults'};
`;

/** Writes a small package with the planted source into `dir`. */
export function writePlantedTarget(dir: string): void {
  fs.mkdirSync(path.join(dir, 'src'), {recursive: true});
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({name: 'planted-secrets', version: '1.0.0', main: 'src/index.ts', types: 'src/index.ts'}, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify({compilerOptions: {strict: true, target: 'ES2022', module: 'ESNext'}, include: ['src']}, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'src', 'index.ts'), PLANTED_SOURCE);
}

/** Every file under `dir`, recursively. */
export function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true, recursive: true}).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
