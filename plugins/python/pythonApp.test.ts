/**
 * Python back ends through the site pipeline with no config, as the "done" asks: a FastAPI +
 * SQLModel project and a Django project made here, in temp folders (git repositories, for source
 * links). The code reference documents their packages and models; the application section, which a
 * Python-only back end now gets, lists their routes with each handler linked to its code reference
 * entry; every page compiles as Docusaurus compiles it.
 */
import fs from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {makeProjectRepo} from '../../test/applicationFixture';
import {tempBase} from '../../test/gitRepo';
import {applicationGenerator} from '../application/generator';
import type {ApplicationModel} from '../application/model';
import {codeReferenceGenerator} from '../code-reference/generator';
import type {CodeReferenceModel} from '../code-reference/model';
import {loadTargetContext} from '../core/prepareSite';
import {generateSections} from '../core/site/generateSections';
import type {GeneratedSection, LinkKind, SectionGenerator, TargetContext} from '../core/types';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

function makeProject(files: Record<string, string>): string {
  const dir = makeProjectRepo(files, {prefix: 'python-app', repository: 'acme/backend', message: 'project'});
  dirs.push(dir);
  return dir;
}

interface Built {
  context: TargetContext;
  code: GeneratedSection<CodeReferenceModel>;
  app: GeneratedSection<ApplicationModel> | undefined;
  urlOf: (kind: LinkKind, key: string) => string | undefined;
}

/** Stands for the architecture section's ER diagram: it indexes the entity of the `Hero` table. */
const erDiagram: SectionGenerator = {
  id: 'er',
  extract: async () => ({id: 'er', title: 'ER', description: 'Entities.', model: {version: 1}, watch: []}),
  index: () => [{kind: 'entity', key: 'app/models.py#Hero', url: '/er/#hero'}],
  render: async () => ({files: new Map()}),
};

async function build(target: string): Promise<Built> {
  const siteDir = tempBase('python-app-site');
  dirs.push(siteDir);
  const context = await loadTargetContext({siteDir, target});
  const {generated, registry} = await generateSections(context, [codeReferenceGenerator as never, applicationGenerator as never, erDiagram], []);
  const section = (id: string) => generated.find((entry) => entry.section.id === id)?.section;
  return {context, code: section('api') as GeneratedSection<CodeReferenceModel>, app: section('application') as GeneratedSection<ApplicationModel> | undefined, urlOf: (kind, key) => registry.urlOf(kind, key)};
}

const FASTAPI: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "heroes"\nversion = "1.0.0"\ndescription = "Heroes API."\ndependencies = ["fastapi", "sqlmodel"]\n',
  'app/__init__.py': '"""The heroes service."""\n',
  'app/models.py': [
    '"""Tables."""',
    'from typing import Optional',
    'from sqlmodel import Field, SQLModel',
    '',
    '',
    'class Team(SQLModel, table=True):',
    '    """A team."""',
    '',
    '    id: Optional[int] = Field(default=None, primary_key=True)',
    '    name: str = Field(index=True, description="Unique name.")',
    '',
    '',
    'class Hero(SQLModel, table=True):',
    '    """A hero."""',
    '',
    '    id: Optional[int] = Field(default=None, primary_key=True)',
    '    name: str',
    '    team_id: Optional[int] = Field(default=None, foreign_key="team.id")',
    '',
  ].join('\n'),
  'app/routers/__init__.py': '',
  'app/routers/heroes.py': [
    '"""Hero routes."""',
    'from fastapi import APIRouter, Depends',
    'from ..models import Hero',
    '',
    'router = APIRouter(prefix="/heroes")',
    '',
    '',
    'def authenticated_user() -> str:',
    '    """Who calls."""',
    '    return "me"',
    '',
    '',
    '@router.get("/{hero_id}", response_model=Hero)',
    'def read_hero(hero_id: int, user: str = Depends(authenticated_user)) -> Hero:',
    '    """Read one hero.',
    '',
    '    Args:',
    '        hero_id: The id of the hero.',
    '    """',
    '',
    '',
    '@router.post("/", response_model=Hero, dependencies=[Depends(authenticated_user)])',
    'async def create_hero(hero: Hero) -> Hero:',
    '    """Create a hero."""',
    '    return hero',
    '',
  ].join('\n'),
  'app/main.py': ['"""The app."""', 'from fastapi import FastAPI', 'from .routers import heroes', '', 'app = FastAPI()', 'app.include_router(heroes.router, prefix="/api")', '', '', '@app.get("/health")', 'def health() -> dict:', '    """Liveness."""', '    return {}', ''].join('\n'),
};

const DJANGO: Record<string, string> = {
  'manage.py': 'import sys\n',
  'mysite/__init__.py': '',
  'mysite/urls.py': ['from django.contrib import admin', 'from django.urls import include, path', '', 'urlpatterns = [', '    path("polls/", include("polls.urls")),', '    path("admin/", admin.site.urls),', ']', ''].join('\n'),
  'polls/__init__.py': '',
  'polls/urls.py': [
    'from django.urls import path, re_path',
    'from . import views',
    '',
    'app_name = "polls"',
    'urlpatterns = [',
    '    path("", views.index, name="index"),',
    '    path("<int:question_id>/", views.DetailView.as_view(), name="detail"),',
    '    re_path(r"^archive/(?P<year>[0-9]{4})/$", views.archive),',
    ']',
    '',
  ].join('\n'),
  'polls/views.py': ['"""Poll views."""', 'from django.views import generic', '', '', 'def index(request):', '    """The latest questions."""', '', '', 'def archive(request, year):', '    """Questions of a year."""', '', '', 'class DetailView(generic.DetailView):', '    """One question."""', ''].join('\n'),
};

describe('a FastAPI + SQLModel project, no config', () => {
  let built: Built;
  beforeAll(async () => {
    built = await build(makeProject(FASTAPI));
  }, 60_000);

  it('documents its package, modules and models in the code reference', () => {
    const {model} = built.code;
    expect(model.packages.map((pkg) => [pkg.name, pkg.version])).toEqual([['app', '1.0.0']]);
    expect(model.containers.map((container) => container.name)).toEqual(['app', 'app.main', 'app.models', 'app.routers', 'app.routers.heroes']);
    const hero = model.symbols.find((one) => one.id === 'app/models.py#Hero')!;
    expect(hero.members!.map((member) => member.name)).toEqual(['id', 'name', 'team_id']);
    expect(model.symbols.find((one) => one.id === 'app/models.py#Team')!.members!.find((member) => member.name === 'name')!.doc).toEqual({summary: 'Unique name.'});
  });

  it('links a table model to its ER diagram entity when the site draws one, and only then', () => {
    const page = built.code.files.get('app.models.mdx')!;
    expect(page).toMatch(/Source: \[`app\/models\.py:13`\]\([^)]+\) · \[ER diagram\]\(\/er\/#hero\)/);
    expect(page.match(/ER diagram/g)).toHaveLength(1);
  });

  it('gives a Python-only back end the application section, its routes prefixed by router and mount, handlers linked', async () => {
    expect(built.app).toBeDefined();
    const routes = built.app!.model.services.flatMap((service) => service.routes);
    expect(routes.map((route) => `${route.method} ${route.path} ${route.framework} ${route.handler?.name} [${route.middleware.join(',')}] ${route.auth}`)).toEqual([
      'POST /api/heroes/ fastapi create_hero [authenticated_user] true',
      'GET /api/heroes/{hero_id} fastapi read_hero [] false',
      'GET /health fastapi health [] false',
    ]);
    const page = built.app!.files.get('routes.mdx')!;
    const url = built.urlOf('symbol', 'app/routers/heroes.py#read_hero');
    expect(url).toBe('/api/app.routers.heroes/#read_hero');
    expect(page).toContain(`[\`read_hero\`](${url})`);
    expect(page).toContain(`[\`health\`](${built.urlOf('symbol', 'app/main.py#health')})`);
    for (const file of built.app!.files.keys()) await compileLikeDocusaurus(built.app!.files.get(file)!);
    expect(built.app!.files.size).toBe(2);
  }, 60_000);
});

describe('a Django project, no config', () => {
  let built: Built;
  beforeAll(async () => {
    built = await build(makeProject(DJANGO));
  }, 60_000);

  it('follows urlpatterns through include() from the root URL conf, each view linked to its entry', async () => {
    const routes = built.app!.model.services.flatMap((service) => service.routes);
    expect(routes.map((route) => `${route.method} ${route.path} ${route.handler?.name} ${route.handler?.symbol} ${route.file}:${route.line}`)).toEqual([
      // Django's own admin is not ours: listed, not linked.
      'ALL /admin/ admin.site.urls undefined mysite/urls.py:6',
      'ALL /polls/ views.index polls/views.py#index polls/urls.py:6',
      'ALL /polls/<int:question_id>/ views.DetailView.as_view() polls/views.py#DetailView polls/urls.py:7',
      'ALL /polls/archive/<year>/ views.archive polls/views.py#archive polls/urls.py:8',
    ]);
    expect(routes.every((route) => route.framework === 'django')).toBe(true);
    const page = built.app!.files.get('routes.mdx')!;
    expect(page).toContain(`[\`views.DetailView.as_view()\`](${built.urlOf('symbol', 'polls/views.py#DetailView')})`);
    expect(built.urlOf('symbol', 'polls/views.py#DetailView')).toBe('/api/polls/polls.views/#DetailView');
    await compileLikeDocusaurus(page);
  }, 60_000);
});

const DRF: Record<string, string> = {
  'manage.py': 'import sys\n',
  'api/__init__.py': '',
  'api/urls.py': [
    'from django.contrib import admin',
    'from django.urls import include, path',
    'from rest_framework.routers import DefaultRouter, SimpleRouter',
    'from . import views',
    '',
    'router = DefaultRouter()',
    "router.register(r'users', views.UserViewSet, basename='user')",
    "router.register(r'groups', views.GroupViewSet)",
    "router.register(r'notes', views.NoteViewSet, basename='note')",
    'simple = SimpleRouter(trailing_slash=False)',
    "simple.register('tags', views.TagViewSet)",
    'admin.site.register(views.Group)',
    '',
    'urlpatterns = [',
    "    path('api/', include(router.urls)),",
    ']',
    'urlpatterns += simple.urls',
    '',
  ].join('\n'),
  'api/views.py': [
    '"""Viewsets."""',
    'from rest_framework import mixins, viewsets',
    'from rest_framework.decorators import action',
    '',
    '',
    'class Group:',
    '    """A model."""',
    '',
    '',
    'class UserViewSet(viewsets.ModelViewSet):',
    '    """Users."""',
    '',
    "    lookup_field = 'username'",
    '',
    "    @action(detail=True, methods=['post', 'delete'], url_path='set-password')",
    '    def set_password(self, request, username=None):',
    '        """Set a password."""',
    '',
    '    @action(detail=False)',
    '    def recent(self, request):',
    '        """Recent users."""',
    '',
    '',
    'class GroupViewSet(viewsets.ReadOnlyModelViewSet):',
    '    """Groups."""',
    '',
    '',
    'class BaseNoteViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):',
    '    """What every note viewset does."""',
    '',
    '',
    'class NoteViewSet(mixins.DestroyModelMixin, BaseNoteViewSet):',
    '    """Notes."""',
    '',
    '',
    'class TagViewSet(viewsets.ViewSet):',
    '    """Tags."""',
    '',
    '    def list(self, request):',
    '        """All tags."""',
    '',
    '    def retrieve(self, request, pk=None):',
    '        """One tag."""',
    '',
  ].join('\n'),
};

describe('a Django REST framework project, no config', () => {
  let built: Built;
  beforeAll(async () => {
    built = await build(makeProject(DRF));
  }, 60_000);

  it('lists the routes each router builds for its viewsets, by their actions, each linked to the viewset', async () => {
    const routes = built.app!.model.services.flatMap((service) => service.routes);
    expect(routes.map((route) => `${route.method} ${route.path} ${route.handler?.name} ${route.handler?.symbol} ${route.file}:${route.line} ${route.handler?.file}:${route.handler?.line}`)).toEqual([
      // DefaultRouter's API root view is DRF's: listed, not linked.
      'GET /api/ DefaultRouter API root undefined api/urls.py:15 api/urls.py:6',
      // ReadOnlyModelViewSet: list and retrieve.
      'GET /api/groups/ GroupViewSet.list api/views.py#GroupViewSet api/urls.py:8 api/views.py:24',
      'GET /api/groups/<pk>/ GroupViewSet.retrieve api/views.py#GroupViewSet api/urls.py:8 api/views.py:24',
      // GenericViewSet + mixins, through a base class of the target's own.
      'GET /api/notes/ NoteViewSet.list api/views.py#NoteViewSet api/urls.py:9 api/views.py:32',
      'POST /api/notes/ NoteViewSet.create api/views.py#NoteViewSet api/urls.py:9 api/views.py:32',
      'DELETE /api/notes/<pk>/ NoteViewSet.destroy api/views.py#NoteViewSet api/urls.py:9 api/views.py:32',
      // ModelViewSet: the six actions, on its lookup_field, and its @action routes.
      'GET /api/users/ UserViewSet.list api/views.py#UserViewSet api/urls.py:7 api/views.py:10',
      'POST /api/users/ UserViewSet.create api/views.py#UserViewSet api/urls.py:7 api/views.py:10',
      'DELETE /api/users/<username>/ UserViewSet.destroy api/views.py#UserViewSet api/urls.py:7 api/views.py:10',
      'GET /api/users/<username>/ UserViewSet.retrieve api/views.py#UserViewSet api/urls.py:7 api/views.py:10',
      'PATCH /api/users/<username>/ UserViewSet.partial_update api/views.py#UserViewSet api/urls.py:7 api/views.py:10',
      'PUT /api/users/<username>/ UserViewSet.update api/views.py#UserViewSet api/urls.py:7 api/views.py:10',
      'DELETE /api/users/<username>/set-password/ UserViewSet.set_password api/views.py#UserViewSet api/urls.py:7 api/views.py:15',
      'POST /api/users/<username>/set-password/ UserViewSet.set_password api/views.py#UserViewSet api/urls.py:7 api/views.py:15',
      'GET /api/users/recent/ UserViewSet.recent api/views.py#UserViewSet api/urls.py:7 api/views.py:19',
      // A ViewSet with its own methods, on a SimpleRouter without trailing slash, at the root (`urlpatterns += simple.urls`).
      'GET /tags TagViewSet.list api/views.py#TagViewSet api/urls.py:11 api/views.py:39',
      'GET /tags/<pk> TagViewSet.retrieve api/views.py#TagViewSet api/urls.py:11 api/views.py:42',
    ]);
    expect(routes.every((route) => route.framework === 'django')).toBe(true);
    const page = built.app!.files.get('routes.mdx')!;
    expect(built.urlOf('symbol', 'api/views.py#UserViewSet')).toBe('/api/api.views/#UserViewSet');
    expect(page).toContain('[`UserViewSet.set_password`](/api/api.views/#UserViewSet)');
    expect(page).toContain('[`TagViewSet.retrieve`](/api/api.views/#TagViewSet)');
    await compileLikeDocusaurus(page);
  }, 60_000);
});
