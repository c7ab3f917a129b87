// Vite 5–7's dependency pre-bundling moves the glue away from xinwen_bg.wasm; this keeps it in place.
export default { optimizeDeps: { exclude: ['xinwen'] } };
