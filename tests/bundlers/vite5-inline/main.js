// Vite 5's dev server with no configuration: xinwen/inline needs no file beside the glue.
import '../shared/app-inline.js';
