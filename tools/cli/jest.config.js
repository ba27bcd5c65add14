const { createJestConfig } = require('../../jest.preset.js');

module.exports = createJestConfig(__dirname, {
  coverageThreshold: { './src/generate/': { lines: 90 }, './src/olist/': { lines: 90 } },
});
