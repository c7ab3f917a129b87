// A Node program bundled with the package: prints the title of the page file named on the command line.
import { parse, version } from 'xinwen';
import { readFileSync } from 'node:fs';

console.log(JSON.stringify({ title: parse(readFileSync(process.argv[2], 'utf8')).title, version }));
