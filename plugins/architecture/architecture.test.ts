/**
 * The Architecture section on a target with compose, Kubernetes, a pnpm workspace with a cycle and a
 * Prisma schema: the elements and relations it finds, what it never publishes, and that every page
 * compiles and every diagram parses with Mermaid's own parser.
 */
import fs from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {writeArchitectureFixture} from '../../test/architectureFixture';
import {expectPagesCompileAndDiagramsParse} from '../../test/generatedPages';
import {tempBase} from '../../test/gitRepo';
import {loadTargetContext, prepareSite} from '../core/prepareSite';
import {generateAlone} from '../core/site/generateSections';
import {checkDiagrams, findMermaidBlocks} from '../core/mermaid/check';
import type {GeneratedSection, TargetContext} from '../core/types';
import {architectureGenerator, NO_ARCHITECTURE} from './generator';
import type {ArchitectureModel} from './model';
import {CLASSES} from './render/common';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

async function contextOf(files?: Record<string, string>): Promise<TargetContext> {
  const target = tempBase('arch-target');
  const site = tempBase('arch-site');
  dirs.push(target, site);
  writeArchitectureFixture(target, files);
  return loadTargetContext({siteDir: site, target});
}

describe('the architecture of the fixture', () => {
  let context: TargetContext;
  let section: GeneratedSection<ArchitectureModel>;
  let model: ArchitectureModel;
  beforeAll(async () => {
    context = await contextOf();
    section = (await generateAlone(architectureGenerator, context))[0]!;
    model = section.model;
  });

  it('finds the containers, stores, the entry point and external systems', () => {
    expect(model.elements.map((e) => [e.key, e.kind])).toEqual([
      ['ingress-public', 'proxy'],
      ['proxy', 'proxy'],
      ['shop-core', 'container'],
      ['api', 'container'],
      ['web', 'container'],
      ['cache', 'store'],
      ['db', 'store'],
      ['payments', 'external'],
      ['stripe', 'external'],
    ]);
    const api = model.elements.find((e) => e.key === 'api')!;
    expect([api.packageName, api.technology]).toEqual(['@shop/api', 'ghcr.io/acme/api:1.0']);
    expect(model.elements.find((e) => e.key === 'payments')!.sources).toEqual([{file: '.env.example', line: 2}]);
    expect(api.sources.map((s) => `${s.file}:${s.line}`)).toEqual(['compose.yaml:6', 'k8s/api.yaml:4', 'packages/api/package.json:1']);
  });

  it('relates them through depends_on, labels, env names, Ingress backends and workspace dependencies, with ports', () => {
    const relations = model.relations.map((r) => `${r.from} -> ${r.to} [${r.label}]`);
    expect(relations).toContain('api -> db [5432]');
    expect(relations).toContain('proxy -> api [3000]');
    expect(relations).toContain('proxy -> web [routes]');
    expect(relations).toContain('web -> api [3000]');
    expect(relations).toContain('ingress-public -> api [3000]');
    expect(relations).toContain('api -> db [DATABASE_URL]');
    expect(relations).toContain('api -> db [@prisma/client]');
    expect(relations).toContain('api -> cache [REDIS_HOST]');
    expect(relations).toContain('api -> shop-core [uses]');
    expect(relations).toContain('api -> stripe [stripe]');
    for (const relation of model.relations) expect(relation.source.line).toBeGreaterThan(0);
  });

  it('keeps environment names and never their values', () => {
    const api = model.elements.find((e) => e.key === 'api')!;
    expect(api.env).toEqual(['DATABASE_URL', 'REDIS_HOST', 'STRIPE_SECRET']);
    const everything = [...section.files.values()].join('\n') + JSON.stringify(model);
    expect(everything).not.toContain('do-not-publish-this-value');
    expect(everything).not.toContain('secret-value-never-shown');
    expect(everything).not.toContain('payments.example.com');
  });

  it('finds the package cycle and the file cycle, with the line of each import', () => {
    const deps = model.dependencies!;
    expect(deps.packages!.edges.filter((e) => e.cycle).map((e) => `${e.from}->${e.to}`)).toEqual(['@shop/api->@shop/web', '@shop/web->@shop/api']);
    expect(deps.cycles).toEqual([
      {
        files: ['packages/core/src/index.ts', 'packages/core/src/money/format.ts'],
        imports: [
          {file: 'packages/core/src/index.ts', line: 1, to: 'packages/core/src/money/format.ts'},
          {file: 'packages/core/src/money/format.ts', line: 1, to: 'packages/core/src/index.ts'},
        ],
      },
    ]);
    const src = deps.graphs.find((g) => g.key === 'packages/api/src')!;
    expect(src.edges).toEqual([{from: 'packages/api/src/index.ts', to: 'packages/api/src/order.ts', count: 1, typeOnly: true, cycle: false}]);
  });

  it('reads the Prisma schema: columns, keys, defaults, 1-n and n-m relations, lines', () => {
    expect(model.entities.filter((e) => e.origin === 'prisma').map((e) => [e.key, e.source.line, e.relations.map((r) => `${r.field}:${r.to}:${r.cardinality}`).join(' ')])).toEqual([
      ['post', 13, 'author:user:many-to-one tags:tag:many-to-many'],
      ['tag', 21, 'posts:post:many-to-many'],
      ['user', 6, 'posts:post:one-to-many'],
    ]);
    const post = model.entities.find((e) => e.key === 'post')!;
    expect(post.columns).toEqual([
      {name: 'id', type: 'Int', nullable: false, default: 'autoincrement()', primaryKey: true},
      {name: 'title', type: 'String', nullable: false},
      {name: 'authorId', type: 'Int', nullable: false, references: 'User.id'},
    ]);
    expect(model.entities.find((e) => e.key === 'user')!.columns.find((c) => c.name === 'name')).toEqual({name: 'name', type: 'String', nullable: true});
    // The page of Post draws Post, Tag and User, in that order.
    const er = section.files.get('data/post.mdx')!;
    expect(er).toContain('e0 }o--|| e2 : "author"');
  });

  it('writes pages that compile and diagrams that parse', async () => {
    const pages = [...section.files].filter(([file]) => file.endsWith('.mdx'));
    // 20 pages, and a page for each of the 10 entities of DATA_MODEL_FILES.
    expect(pages.length).toBe(30);
    expect(await expectPagesCompileAndDiagramsParse(pages)).toBe(30);
    // The one SQL statement of the fixture no grammar reads, and nothing else.
    expect(context.report.warnings.map((w) => `${w.details?.line} ${w.message.slice(0, 30)}`)).toEqual(['4 cannot parse this SQL statemen']);
  });

  it('links a container box to its page', () => {
    const index = section.files.get('index.mdx')!;
    expect(index).toMatch(/click n\d+ href "\/architecture\/containers\/api\/" "api"/);
  });
});

describe('the diagram colours', () => {
  it('give every box a text colour of at least 4.5:1 contrast with its fill, in either theme', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const entries = Object.entries(CLASSES);
    expect(entries.length).toBe(10);
    for (const [name, style] of entries) {
      const fill = luminance(/fill:(#[0-9a-f]{6})/.exec(style)![1]!);
      const text = luminance(/color:(#[0-9a-f]{6})/.exec(style)![1]!);
      expect((Math.max(fill, text) + 0.05) / (Math.min(fill, text) + 0.05), name).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('TypeORM entities', () => {
  it('are read from their decorators, with columns, keys, defaults and relations across files', async () => {
    const context = await contextOf({
      'package.json': JSON.stringify({name: 'orm', dependencies: {typeorm: '^0.3'}}),
      'src/entity/User.ts': [
        "import {Column, Entity, OneToMany, PrimaryGeneratedColumn} from 'typeorm';",
        "import {Photo} from './Photo';",
        "@Entity('users')",
        'export class User {',
        '  @PrimaryGeneratedColumn() id: number;',
        "  @Column({type: 'varchar', unique: true}) email: string;",
        "  @Column({nullable: true, default: 'anon'}) name?: string;",
        '  @OneToMany(() => Photo, (photo) => photo.user) photos: Photo[];',
        '}',
        '',
      ].join('\n'),
      'src/entity/Photo.ts': "import {Column, Entity, ManyToOne, PrimaryColumn} from 'typeorm';\nimport {User} from './User';\n@Entity()\nexport class Photo {\n  @PrimaryColumn('uuid') id: string;\n  @ManyToOne(() => User, (user) => user.photos) user: User;\n}\n",
    });
    const [section] = await generateAlone(architectureGenerator, context);
    const entities = section!.model.entities;
    expect(entities.map((e) => [e.key, e.origin, e.source.line, e.relations.map((r) => `${r.field}:${r.to}:${r.cardinality}`).join(' ')])).toEqual([
      ['photo', 'typeorm', 3, 'user:user:many-to-one'],
      ['user', 'typeorm (table users)', 3, 'photos:photo:one-to-many'],
    ]);
    expect(entities[1]!.columns).toEqual([
      {name: 'id', type: 'number', nullable: false, default: 'generated', primaryKey: true},
      {name: 'email', type: 'varchar', nullable: false, unique: true},
      {name: 'name', type: 'string', nullable: true, default: "'anon'"},
    ]);
    expect(await checkDiagrams(findMermaidBlocks(section!.files.get('data/index.mdx')!))).toEqual([]);
  });
});

describe('inputs that cannot be read', () => {
  it('are warnings with file and line, and the rest of the section is built', async () => {
    const context = await contextOf({'compose.yaml': 'services:\n  api:\n    image: node\n    ports: [\n', 'k8s/bad.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: x\n', 'docker-compose.yml': 'services:\n  web:\n    image: nginx\n'});
    const [section] = await generateAlone(architectureGenerator, context);
    expect(section!.model.elements.map((e) => e.key)).toEqual(['web']);
    expect(section!.model.problems.map((p) => [p.file, p.line])).toEqual([
      ['compose.yaml', 5],
      ['k8s/bad.yaml', 4],
    ]);
    expect(context.report.warnings).toHaveLength(2);
  });

  it('make no section when there is nothing to draw, and the landing page says why', async () => {
    const context = await contextOf({'README.md': '# Hello\n'});
    expect(await generateAlone(architectureGenerator, context)).toEqual([]);
    const plan = await prepareSite({siteDir: tempBase('arch-empty-site'), target: context.root, generators: [architectureGenerator]});
    expect(plan.sections.map((section) => section.id)).toEqual(['docs']);
    expect(plan.landing.notFound).toContain(NO_ARCHITECTURE);
  });
});

