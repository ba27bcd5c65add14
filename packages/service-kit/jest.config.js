const { createJestConfig } = require('../../jest.preset.js');

module.exports = createJestConfig(__dirname, {
  coverageThreshold: {
    global: { lines: 95 },
    // The pure parts: problem building, cursors, joi → JSON Schema, scope checks, config.
    './src/http/problem.ts': { lines: 95 },
    './src/http/pagination.ts': { lines: 95 },
    './src/http/joi-to-json-schema.ts': { lines: 95 },
    './src/http/validation.ts': { lines: 95 },
    './src/auth/auth-context.ts': { lines: 95 },
    './src/config/': { lines: 95 },
  },
});
