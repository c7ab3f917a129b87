// Rollup with @rollup/plugin-node-resolve for the browser: xinwen/inline, nothing to copy.
import '../shared/app-inline.js';
