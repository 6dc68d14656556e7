/**
 * Layering the code relies on: no import cycles, and shared/ (context, auth, errors, idempotency, graphql
 * plumbing, db) imports no domain, so domains plug into it from the composition root (src/app.ts and the
 * root files beside it: schema, loaders, jobs, http) and never the other way round.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle means two modules cannot be understood (or loaded) one without the other.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'shared-imports-no-domain',
      severity: 'error',
      comment: 'shared/ is below every domain: it may import only shared/ and libraries.',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: ['^src/shared/', '^src/config\\.ts$'] },
    },
    {
      name: 'domains-do-not-import-the-root',
      severity: 'error',
      comment:
        'app.ts, schema.ts, loaders.ts, jobs.ts, http.ts and main.ts compose the domains; no domain reaches back up.',
      from: { path: '^src/(?!shared/)[^/]+/' },
      to: { path: '^src/(app|main|schema|loaders|jobs|http)\\.ts$' },
    },
    {
      name: 'console-page-stands-alone',
      severity: 'error',
      comment:
        'The console page runs in the browser as it is compiled: it loads only its own modules. The codegen ' +
        "output's one import is a type (erased when compiled).",
      from: { path: '^src/console/page/' },
      to: { pathNot: ['^src/console/page/', '(^|node_modules/)@graphql-typed-document-node/core'] },
    },
    {
      name: 'server-does-not-import-the-console-page',
      severity: 'error',
      comment: 'The page is compiled for the browser by its own tsconfig; server code cannot use it.',
      from: { path: '^(src|scripts)/', pathNot: '^src/console/page/' },
      to: { path: '^src/console/page/' },
    },
    {
      name: 'no-orphans',
      severity: 'warn',
      comment: 'A module nothing imports is dead code (entry points and tests excepted).',
      from: {
        orphan: true,
        pathNot: ['\\.d\\.ts$', '(^|/)__tests__/', '^src/main\\.ts$', '^scripts/', '^src/mikro-orm\\.config\\.ts$'],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(dist|node_modules|migrations)/' },
  },
};
