const { createJestConfig } = require('../../jest.preset.js');

module.exports = createJestConfig(__dirname, { coverageThreshold: { global: { lines: 95 } } });
