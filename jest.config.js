/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, '^.+/node_modules/jose/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }] },
  // jose 6 ships ESM only; Node 20 can require() it, Jest's module loader cannot, so Jest compiles it.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
};

// Two projects: `jest --selectProjects unit` (npm run test:unit) runs the pure tests beside the code without
// PostgreSQL or Redis; a project's globalSetup runs only when one of its tests is selected.
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
  maxWorkers: 2,
  testTimeout: 30000,
};
