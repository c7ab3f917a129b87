// esbuild for the browser (esbuild main.js --bundle --format=esm): xinwen/inline, nothing to copy.
import '../shared/app-inline.js';
