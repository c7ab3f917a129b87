// webpack 5 with target 'node', production mode, ES module and CommonJS output: a Node program as
// one file each, with the package's default entry.
import { fileURLToPath } from 'node:url';

const common = {
  mode: 'production',
  target: 'node',
  context: fileURLToPath(new URL('.', import.meta.url)),
  entry: '../shared/node-app.js',
};
export default [
  {
    ...common,
    experiments: { outputModule: true },
    output: { path: fileURLToPath(new URL('dist/esm', import.meta.url)), filename: 'main.mjs', module: true, chunkFormat: 'module', clean: true },
  },
  { ...common, output: { path: fileURLToPath(new URL('dist/cjs', import.meta.url)), filename: 'main.cjs', clean: true } },
];
