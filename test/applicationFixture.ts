/**
 * A small React + Express app made by the tests (unit and e2e): components with props, defaults from
 * destructuring, `defaultProps` and `propTypes`, forwardRef and memo, a class component, a stories
 * file and a test; an Express router mounted under `/api` with middleware; a models folder; and an
 * OpenAPI description documenting some of the routes (and one operation the code does not have).
 */
import fs from 'node:fs';
import path from 'node:path';
import {makeRepo, tempBase} from './gitRepo';

export const APP_FILES: Record<string, string> = {
  'package.json': JSON.stringify({name: 'shop-app', version: '1.0.0', private: true, dependencies: {express: '^4.19.0', react: '^18.3.0'}}, null, 2),
  'src/components/Button.tsx': `import React from 'react';

export interface ButtonProps {
  /** Text on the button. */
  label: string;
  /** How big the button is. */
  size?: 'small' | 'medium' | 'large';
  /** Whether it is the page's main action. */
  primary?: boolean;
  /** Called on click. */
  onClick?: () => void;
}

/** The one button of the shop. */
export function Button({label, size = 'medium', primary = false, onClick}: ButtonProps) {
  return <button className={size} data-primary={primary} onClick={onClick}>{label}</button>;
}
`,
  'src/components/Button.stories.tsx': `import type {Meta, StoryObj} from '@storybook/react';
import {Button} from './Button';

const meta: Meta<typeof Button> = {component: Button, title: 'Shop/Button'};
export default meta;

export const Primary: StoryObj<typeof Button> = {args: {label: 'Buy now', primary: true}};
`,
  'src/components/Card.jsx': `import PropTypes from 'prop-types';
import {Button} from './Button';

/** A titled box with a "More" button. */
export default function Card({title, children}) {
  return <section><h2>{title}</h2>{children}<Button label="More" /></section>;
}

Card.propTypes = {title: PropTypes.string.isRequired, children: PropTypes.node};
Card.defaultProps = {title: 'Untitled'};
`,
  'src/components/Card.test.jsx': `import Card from './Card';

it('shows the title', () => {
  render(<Card title="Hello" />);
});
`,
  'src/components/Avatar.tsx': `import {forwardRef, memo} from 'react';

type AvatarProps = {
  /** Address of the picture. */
  src: string;
  /** Width and height in pixels. */
  size?: number;
};

export const Avatar = memo(forwardRef<HTMLImageElement, AvatarProps>(function Avatar({src, size = 32}, ref) {
  return <img ref={ref} src={src} width={size} height={size} alt="" />;
}));
`,
  'src/App.tsx': `import React from 'react';
import Card from './components/Card';
import {Avatar} from './components/Avatar';

interface AppProps {
  /** Who is signed in. */
  user?: string;
}

export class App extends React.Component<AppProps> {
  static defaultProps = {user: 'guest'};
  render() {
    return <Card title="Welcome"><Avatar src="/me.png" /></Card>;
  }
}
`,
  'server/index.ts': `import express from 'express';
import {usersRouter} from './routes/users';
import {requireAuth} from './middleware/auth';

const app = express();
app.use(express.json());
app.use('/api', requireAuth, usersRouter);
app.get('/health', (req, res) => res.send('ok'));
app.listen(3000);
`,
  'server/routes/users.ts': `import {Router} from 'express';
import {createOrder, deleteUser, getUser, listUsers} from '../handlers/users';
import {rateLimit} from '../middleware/rateLimit';

export const usersRouter = Router();
usersRouter.use(rateLimit);
usersRouter.get('/users', listUsers);
usersRouter.get('/users/:id', getUser);
usersRouter.delete('/users/:id', deleteUser);
usersRouter.route('/orders').post(createOrder);
`,
  'server/handlers/users.ts': `/** Every user. */
export function listUsers(req: unknown, res: unknown) {}
/** One user. */
export function getUser(req: unknown, res: unknown) {}
export function deleteUser(req: unknown, res: unknown) {}
export function createOrder(req: unknown, res: unknown) {}
`,
  'server/middleware/auth.ts': 'export function requireAuth(req: unknown, res: unknown, next: () => void) { next(); }\n',
  'server/middleware/rateLimit.ts': 'export function rateLimit(req: unknown, res: unknown, next: () => void) { next(); }\n',
  'server/models/User.ts': `/** Someone with an account. */
export interface User {
  id: string;
  name: string;
  orders: Order[];
}

export interface Order {
  id: string;
  total: number;
  owner: User;
}

export interface Admin extends User {
  permissions: string[];
}

export enum Role {
  Reader = 'reader',
  Writer = 'writer',
}
`,
  'openapi.yaml': `openapi: 3.0.3
info:
  title: Shop API
  version: 1.0.0
servers:
  - url: /api
paths:
  /users:
    get:
      operationId: listUsers
      summary: List users
      responses:
        '200':
          description: The users.
  /users/{id}:
    get:
      operationId: getUser
      summary: Get a user
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        '200':
          description: The user.
  /products:
    get:
      operationId: listProducts
      summary: List products
      responses:
        '200':
          description: The products.
`,
};

/**
 * `files` in a new temporary git repository with one commit and a GitHub remote (so source links
 * exist): the app here, and the Python projects of plugins/python/pythonApp.test.ts.
 */
export function makeProjectRepo(files: Record<string, string>, {prefix, repository, message}: {prefix: string; repository: string; message: string}): string {
  const dir = tempBase(prefix);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    fs.writeFileSync(path.join(dir, file), content);
  }
  const repo = makeRepo(dir);
  repo.git('remote', 'add', 'origin', `https://github.com/${repository}.git`);
  repo.commit(message);
  return dir;
}

/** The app in a new temporary git repository with a GitHub remote. */
export function makeApplicationTarget(files: Record<string, string> = APP_FILES): string {
  return makeProjectRepo(files, {prefix: 'application', repository: 'acme/shop', message: 'The shop'});
}
