// Vite 8, no configuration: built (vite build) and served by the dev server.
import '../shared/app.js';
