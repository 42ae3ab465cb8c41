/**
 * The layering of DESIGN.md, enforced: local-run -> apps (api-http, worker) -> composition -> adapters-* -> domain.
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
      to: { path: '^packages/(api-http|worker|local-run)/' },
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
      comment: "The API's black-box tests run the worker's consumers in process, as npm start does; the apps' sources never meet.",
      severity: 'error',
      from: { path: '^packages/(api-http|worker)/src/' },
      to: { path: '^packages/(api-http|worker)/', pathNot: '^packages/$1/' },
    },
    {
      name: 'only-local-run-hosts-both-apps',
      comment: 'packages/local-run is the one-process host (npm start); nothing imports it.',
      severity: 'error',
      from: { pathNot: '^packages/local-run/' },
      to: { path: '^packages/local-run/' },
    },
    {
      name: 'composition-never-imports-apps',
      severity: 'error',
      from: { path: '^packages/composition/' },
      to: { path: '^packages/(api-http|worker|local-run)/' },
    },
    {
      name: 'adapters-never-import-composition',
      severity: 'error',
      from: { path: '^packages/(adapters-[^/]+|domain|contract-tests)/' },
      to: { path: '^packages/composition/' },
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
