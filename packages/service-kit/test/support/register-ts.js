// Lets a plain `node` child process run the kit's TypeScript sources (tests spawn real processes):
// compiles .ts files on require with swc, the way the jest preset does.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require(require.resolve('@swc/core', { paths: [path.resolve(__dirname, '../../../..')] }));

Module._extensions['.ts'] = function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
