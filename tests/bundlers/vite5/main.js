// Vite 5's dev server with the one line the README gives (vite.config.js): the default entry and the worker.
import '../shared/app.js';
