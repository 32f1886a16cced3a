/**
 * What one Python file says, read from its syntax alone: the facts the linker turns into the code
 * reference model. Plain JSON, so it can be cached and compared; annotations are kept as source text
 * and turned into linked type text only when every module's names are known.
 */

export interface PyParam {
  /** As written, with its stars: `a`, `*args`, `**kwargs`. */
  name: string;
  annotation?: string;
  default?: string;
  /** Before a `/`, or after a bare `*` (or `*args`). */
  kind?: 'positional-only' | 'keyword-only';
}

export interface PySignature {
  params: PyParam[];
  returns?: string;
  line: number;
  doc?: string;
}

export type PyDefKind = 'class' | 'function' | 'variable' | 'type';

export interface PyDef {
  name: string;
  kind: PyDefKind;
  line: number;
  doc?: string;
  /** Decorators as written, without `@`: `dataclass(frozen=True)`, `app.get("/items")`. */
  decorators?: string[];
  async?: boolean;
  /** Functions: one signature, or one per `@overload` (the implementation is then left out). */
  signatures?: PySignature[];
  /** Classes: base expressions as written (keyword arguments such as `metaclass=` left out). */
  bases?: string[];
  /** Variables and attributes: the annotation; type aliases: the aliased type. */
  annotation?: string;
  /** Variables, attributes and fields: the value as written, one line. */
  value?: string;
  /** `Field(description=...)` / `field(metadata=...)`-style description of a field. */
  fieldDoc?: string;
  /** Classes: body members, and attributes assigned as `self.x` in `__init__`. */
  members?: PyDef[];
  /** Members: where it came from (`self.x` in a method is an instance attribute). */
  instance?: boolean;
}

export interface PyImport {
  /** The name bound in this module. */
  local: string;
  /** Module as written, dots kept: `.models`, `..`, `pkg.sub`. */
  module: string;
  /** The imported name (`from m import name`); absent for `import m`. */
  name?: string;
  line: number;
}

export interface PyModuleFacts {
  doc?: string;
  imports: PyImport[];
  /** Modules of `from m import *`, as written. */
  starImports: string[];
  /** `__all__` when it is a literal list or tuple of strings (with `+=`/`.extend`/`.append` of literals). */
  all?: string[];
  /** Line of `__all__`, for warnings. */
  allLine?: number;
  defs: PyDef[];
  /** Django: the entries of a module-level `urlpatterns = [...]` (and `+=`), in order. */
  urlPatterns?: PyUrlPattern[];
  /** FastAPI `x.include_router(r, prefix=...)` and Flask `x.register_blueprint(b, url_prefix=...)` at module level. */
  mounts?: PyMount[];
  /** Django REST framework: `router.register(r'users', UserViewSet, basename='user')` at module level. */
  registrations?: PyRegistration[];
  syntaxErrors: {line: number; message: string}[];
}

/** `path('x/', view, name='x')`, `re_path(r'^x$', view)`, `path('api/', include('app.urls'))`. */
export interface PyUrlPattern {
  /** `path`, `re_path` or `url` (Django 1's name for `re_path`). */
  call: 'path' | 're_path' | 'url';
  /** The route literal as its value. */
  route: string;
  /** The view as written (`views.index`, `HeroList.as_view()`); absent for an include. */
  view?: string;
  /** `include('app.urls')` or `include(('app.urls', 'app'))`: the module named by a literal. */
  include?: string;
  /** `include(router.urls)`, `urlpatterns += router.urls`: a Django REST framework router, as written. */
  router?: string;
  name?: string;
  line: number;
}

export interface PyMount {
  /** The app or router it is called on, and the router or blueprint mounted, as written. */
  on: string;
  router: string;
  prefix?: string;
  line: number;
}

/** A Django REST framework router's `register(prefix, viewset, basename=...)`. */
export interface PyRegistration {
  /** The router it is called on and the viewset, as written. */
  router: string;
  viewset: string;
  /** The URL prefix literal, as written (`r'users'` is `users`). */
  prefix: string;
  basename?: string;
  line: number;
}
