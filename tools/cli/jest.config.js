const { createJestConfig } = require('../../jest.preset.js');

module.exports = createJestConfig(__dirname, {
  coverageThreshold: { './src/olist/': { lines: 90 } },
});
