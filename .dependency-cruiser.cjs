/** Dependency rules of ARCHITECTURE.md: no cycles, the kernel never imports a module, modules meet only through contract.ts. */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-does-not-import-modules',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'modules-meet-through-contract',
      comment: 'A module may import another module only through its contract.ts',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/contract\\.ts$'] },
    },
    {
      name: 'web-uses-contracts-only',
      comment: 'The web app imports modules only through their contract.ts (and their web/ pages and locales)',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/modules/', pathNot: ['^src/modules/[^/]+/(contract\\.ts|web/|locales/)'] },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { path: '^src/', pathNot: ['\\.test\\.ts$', '^src/test/', '\\.e2e\\.ts$'] },
      to: { path: ['^src/test/', '\\.test\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist|data)/' },
  },
};
