// The browser application for bundlers that do not emit the .wasm (esbuild, Rollup): xinwen/inline
// carries it and is ready on import.
import { parse, version } from 'xinwen/inline';
import { show } from './page.js';

show((text) => ({ title: parse(text).title, version }));
