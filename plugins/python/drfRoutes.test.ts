/**
 * Django REST framework routers, from parsed modules to routes: the cases that must give no route
 * (exact or nothing, docs/adr/0052), and the router and viewset found across modules.
 */
import {describe, expect, it} from 'vitest';
import {parseModule} from './parse/parseModule';
import {PythonProject} from './publicApi';
import {pythonRoutes} from './routes';

function routesOf(files: Record<string, string>): string[] {
  const modules = Object.entries(files).map(([file, text]) => {
    const name = file.replace(/\/__init__\.py$|\.py$/, '').replace(/\//g, '.');
    return {name, file, isPackage: file.endsWith('__init__.py'), facts: parseModule(text)};
  });
  return pythonRoutes(new PythonProject(modules)).map((route) => `${route.method} ${route.path} ${route.handler.name}`);
}

const VIEWS = ['from rest_framework import viewsets', 'from library import ThingViewSet', '', 'class NoteViewSet(viewsets.ReadOnlyModelViewSet):', "    lookup_url_kwarg = 'note_id'", "    lookup_field = 'slug'", ''].join('\n');

describe('Django REST framework routers', () => {
  it('follows a router defined in one module, registered in another and included in a third', () => {
    expect(
      routesOf({
        'site/__init__.py': '',
        'site/routers.py': 'from rest_framework import routers\n\nrouter = routers.SimpleRouter()\n',
        'site/views.py': VIEWS,
        'site/register.py': "from .routers import router\nfrom . import views\n\nrouter.register('notes', views.NoteViewSet)\n",
        'site/urls.py': "from django.urls import include, path\nfrom .routers import router\n\nurlpatterns = [path('v1/', include(router.urls))]\n",
      }),
      // lookup_url_kwarg wins over lookup_field; a SimpleRouter has no API root.
    ).toEqual(['GET /v1/notes/ NoteViewSet.list', 'GET /v1/notes/<note_id>/ NoteViewSet.retrieve']);
  });

  it('gives no route for what it cannot know exactly', () => {
    expect(
      routesOf({
        'app/__init__.py': '',
        'app/views.py': VIEWS,
        'app/urls.py': [
          'from django.contrib import admin',
          'from django.urls import include, path',
          'from rest_framework.routers import SimpleRouter',
          'from . import views',
          'from somewhere import other_router',
          '',
          'router = SimpleRouter()',
          'PREFIX = "x"',
          'router.register(PREFIX, views.NoteViewSet)', // a computed prefix
          "router.register('things', views.ThingViewSet)", // a viewset from a library: its actions are unknown
          "router.register('plain', views.viewsets)", // a module, not a class
          'admin.site.register(views.NoteViewSet)', // Django admin, not a router
          '',
          "urlpatterns = [path('a/', include(router.urls)), path('b/', include(other_router.urls))]",
          '',
        ].join('\n'),
      }),
    ).toEqual([]);
  });
});
