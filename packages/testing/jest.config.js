const { createJestConfig } = require('../../jest.preset.js');

// This package provides the global setup the others use, so its own tests resolve the
// infrastructure directly.
module.exports = createJestConfig(__dirname, { globalInfrastructure: false });
