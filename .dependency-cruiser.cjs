/**
 * The layering of DESIGN.md, enforced: apps (api-http, worker) -> adapters-* -> domain.
 * `npm run lint` fails on any violation.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'packages/domain imports nothing but itself: no SDKs, no frameworks, no Node built-ins.',
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: { pathNot: '^packages/domain/src' },
    },
    {
      name: 'adapters-never-import-apps',
      severity: 'error',
      from: { path: '^packages/adapters-[^/]+/src/' },
      to: { path: '^packages/(api-http|worker)/' },
    },
    {
      name: 'adapters-never-import-each-other',
      comment: 'Shared adapter logic belongs in the domain or in a package both depend on.',
      severity: 'error',
      from: { path: '^packages/(adapters-[^/]+)/src/' },
      to: { path: '^packages/adapters-[^/]+/', pathNot: '^packages/$1/' },
    },
    {
      name: 'apps-never-import-each-other',
      severity: 'error',
      from: { path: '^packages/(api-http|worker)/' },
      to: { path: '^packages/(api-http|worker)/', pathNot: '^packages/$1/' },
    },
    {
      name: 'domain-never-imports-outer-layers',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { path: '^packages/(adapters-[^/]+|api-http|worker|contract-tests)/' },
    },
    {
      name: 'contract-tests-only-see-the-domain',
      severity: 'error',
      from: { path: '^packages/contract-tests/src' },
      to: { path: '^packages/(adapters-[^/]+|api-http|worker)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@hdoc/source', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
    builtInModules: { add: [] },
  },
};
