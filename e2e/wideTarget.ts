/**
 * A target with many sections for the layout checks: hand-written guides, the overview, a code
 * reference, an application with HTTP routes, the history, getting started and operations, and three
 * HTTP API descriptions, two with titles too long for the navbar.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const spec = (title: string, resource: string) => `openapi: 3.0.3
info:
  title: ${title}
  version: 1.0.0
paths:
  /${resource}:
    get:
      operationId: list-${resource}
      summary: List ${resource}
      responses:
        '200':
          description: The ${resource}.
`;

const FILES: Record<string, string> = {
  'package.json': `${JSON.stringify({name: 'wide-target', version: '1.0.0', description: 'A service with many sections.', scripts: {start: 'node src/server.js', test: 'node --test'}, dependencies: {express: '^4.19.0'}}, null, 2)}\n`,
  'README.md': '# Wide target\n\nA service with many sections.\n',
  'docs/guide.md': '---\ntitle: Using the service\n---\n\n# Using the service\n\nStart it, then call the payments API.\n',
  'src/handlers.ts': '/** Every payment. */\nexport function listPayments(req: unknown, res: unknown) {}\n/** Every account. */\nexport function listAccounts(req: unknown, res: unknown) {}\n',
  'src/server.ts': `import express from 'express';
import {listAccounts, listPayments} from './handlers';

const app = express();
app.get('/payments', listPayments);
app.get('/accounts', listAccounts);
app.listen(Number(process.env.PORT ?? 3000));
`,
  '.env.example': 'PORT=3000\n',
  'compose.yaml': 'services:\n  api:\n    build: .\n    ports: ["3000:3000"]\n',
  'Dockerfile': 'FROM node:20\nCOPY . .\nCMD ["node", "src/server.js"]\n',
  'specs/payments.yaml': spec('Payments and Refunds Platform API', 'payments'),
  'specs/accounts.yaml': spec('Accounts', 'accounts'),
  'specs/notifications.yaml': spec('Notification Delivery Service API', 'notifications'),
};

export function makeWideTarget(dir: string): string {
  for (const [file, content] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    fs.writeFileSync(path.join(dir, file), content);
  }
  const git = (...args: string[]) => execFileSync('git', args, {cwd: dir, stdio: 'pipe', env: {...process.env, GIT_AUTHOR_DATE: '2024-03-05T12:00:00Z', GIT_COMMITTER_DATE: '2024-03-05T12:00:00Z'}});
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=Ada Lovelace', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', 'feat: the service');
  return dir;
}
