// Jest with the jsdom environment (no TextDecoder in its global scope): require('xinwen') loads, and
// the seed page (a file's bytes and its text) parses to its title.
const { readFileSync } = require('node:fs');
const { parse, version } = require('xinwen');

test('the seed page parses to its title under jsdom', () => {
  expect(typeof document.createElement).toBe('function');
  expect(typeof TextDecoder).toBe('undefined');
  const bytes = readFileSync(process.env.XINWEN_PAGE);
  expect(parse(bytes).title).toBe(process.env.XINWEN_TITLE);
  expect(parse(bytes.toString('utf8')).title).toBe(process.env.XINWEN_TITLE);
  expect(version).toBe(process.env.XINWEN_VERSION);
});
