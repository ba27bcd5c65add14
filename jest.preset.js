// Shared jest configuration. Each package's jest.config.js calls this with its own directory.
// Unit tests are *.spec.ts (run by `test`, with coverage); integration tests are *.int-spec.ts
// (run by `test:int` against the real Kafka broker and PostgreSQL server).
const path = require('node:path');
const fs = require('node:fs');

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/**
 * @param {string} dir the package directory (pass __dirname)
 * @param {{ layered?: boolean }} options layered: the package has src/domain and src/application,
 *   whose line coverage must stay at 90% or more.
 */
function createJestConfig(dir, options = {}) {
  const integration = process.env.MERCADO_TEST_KIND === 'integration';
  const coverageThreshold = {};
  if (options.layered !== false) {
    for (const layer of ['domain', 'application']) {
      if (fs.existsSync(path.join(dir, 'src', layer))) {
        coverageThreshold[`./src/${layer}/`] = { lines: 90 };
      }
    }
  }
  if (options.coverageThreshold) Object.assign(coverageThreshold, options.coverageThreshold);
  return {
    rootDir: dir,
    testEnvironment: 'node',
    transform: { '^.+\\.(t|j|mj)s$': swcTransform },
    // jose is published as ES modules only; let swc turn it into CommonJS for jest.
    transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/[^/]+/node_modules/)?(jose)/)'],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
    testMatch: integration ? ['<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'] : ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    testTimeout: integration ? 120_000 : 10_000,
    // A client left open by a failing integration test must not hang CI: the run ends when the tests do.
    forceExit: integration,
    collectCoverage: !integration,
    collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts', '!src/**/*.int-spec.ts', '!src/**/index.ts', '!src/main.ts'],
    coverageReporters: ['text-summary', 'lcov'],
    reporters: ['default', path.join(__dirname, 'scripts', 'jest-results-reporter.cjs')],
    coverageThreshold,
    passWithNoTests: !integration && options.passWithNoTests === true,
    ...(integration && options.globalInfrastructure !== false
      ? {
          globalSetup: require.resolve('@mercado/testing/dist/global-setup.js', { paths: [dir] }),
          globalTeardown: require.resolve('@mercado/testing/dist/global-teardown.js', { paths: [dir] }),
        }
      : {}),
  };
}

module.exports = { createJestConfig };
