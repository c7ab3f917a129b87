// webpack 5 for the browser, production mode: the default entry and the worker.
import '../shared/app.js';
