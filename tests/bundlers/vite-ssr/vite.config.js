// Vite 8's SSR build with the package bundled in (ssr.noExternal): a Node program as one file.
export default {
  ssr: { noExternal: true },
  build: { ssr: '../shared/node-app.js', outDir: 'dist', rolldownOptions: { output: { entryFileNames: 'main.mjs' } } },
};
