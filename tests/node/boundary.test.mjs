// Bad input across the JavaScript boundary: misuse throws a TypeError (or an Error for bytes that are
// not text), odd but valid input gives an Article with diagnostics, and nothing traps the module
// ('unreachable'): parse keeps working afterwards.
import { test } from 'node:test';
import vm from 'node:vm';
import assert from 'node:assert/strict';
import { parse, parseFile, decode, toMarkdown } from '../../pkg/inline.js';

const PAGE = '岳阳网> 县区\n\n经开区召开工作讲评会\n作者:张冰明    来源:岳阳日报    发布时间:2017年07月26日\n\n' +
  '7月25日,经开区召开半年度工作讲评会,总结讲评上半年经济工作,安排部署下半年经济工作,确保全面完成全年目标任务。\n责任编辑:高大智\n';

function stillWorks() {
  assert.equal(parse(PAGE).title, '经开区召开工作讲评会', 'parse should still work');
}

test('inputs that are neither string nor bytes throw a TypeError naming them in JavaScript\'s words', () => {
  const cases = [
    [undefined, 'undefined'], [null, 'null'], [42, 'a number'], [{}, 'an object'], [[], 'an array'], [true, 'a boolean'],
    [Symbol('s'), 'a symbol'], [() => 1, 'a function'], [new Uint16Array(2), 'a Uint16Array'], [new Date(), 'a Date'],
    [new Map(), 'a Map'], [Promise.resolve(PAGE), 'a Promise'],
  ];
  for (const [bad, named] of cases) {
    const message = new RegExp(`^xinwen\\.parse: input should be a string, a Uint8Array or an ArrayBuffer, not ${named}$`);
    assert.throws(() => parse(bad), (e) => e instanceof TypeError && message.test(e.message), `parse(${String(bad)}) should throw a TypeError naming ${named}`);
    stillWorks();
  }
  assert.throws(() => parse(), TypeError, 'parse() should throw a TypeError');
  assert.throws(() => decode(new Date()), (e) => e instanceof TypeError && /not a Date$/.test(e.message), 'decode(new Date()) should name a Date');
});

test('an ArrayBuffer, a Buffer and a view parse as their bytes; a detached ArrayBuffer as no bytes', () => {
  const bytes = new TextEncoder().encode(PAGE);
  const expected = JSON.stringify(parse(bytes));
  assert.equal(JSON.stringify(parse(bytes.buffer)), expected, 'an ArrayBuffer should parse as its bytes');
  assert.equal(JSON.stringify(parse(Buffer.from(bytes))), expected, 'a Buffer should parse as its bytes');
  assert.equal(decode(bytes.buffer).text, PAGE, 'decode should read an ArrayBuffer');
  const buffer = new ArrayBuffer(8);
  structuredClone(buffer, { transfer: [buffer] });
  assert.deepEqual(parse(buffer).blocks, [], 'a detached ArrayBuffer should parse as no bytes');
  stillWorks();
});

test('bytes made in another realm (a vm context, as under Jest) parse; look-alikes do not', () => {
  const bytes = new TextEncoder().encode(PAGE);
  const expected = JSON.stringify(parse(bytes));
  const other = vm.runInNewContext('({ view: new Uint8Array(bytes), buffer: new Uint8Array(bytes).buffer })', { bytes: [...bytes] });
  assert.equal(other.view instanceof Uint8Array, false, 'the test should use a Uint8Array of another realm');
  assert.equal(JSON.stringify(parse(other.view)), expected, 'a Uint8Array of another realm should parse as its bytes');
  assert.equal(JSON.stringify(parse(other.buffer)), expected, 'an ArrayBuffer of another realm should parse as its bytes');
  const fakes = [
    { [Symbol.toStringTag]: 'Uint8Array', length: 3, byteLength: 3, 0: 1, 1: 2, 2: 3 },
    { [Symbol.toStringTag]: 'ArrayBuffer', byteLength: 3 },
    Object.defineProperty(new Uint16Array(2), Symbol.toStringTag, { value: 'Uint8Array' }),
    new Proxy(new ArrayBuffer(4), {}),
    vm.runInNewContext('new Uint16Array(2)'),
  ];
  for (const fake of fakes) {
    assert.throws(() => parse(fake), TypeError, 'a look-alike should be refused with a TypeError');
    stillWorks();
  }
});

test('a today the parser cannot read is refused with a TypeError naming the form', () => {
  for (const today of ['2026-13-45', 'bad', '', '2026-11', 5, new Date(), {}]) {
    assert.throws(
      () => parse(PAGE, { today }),
      (e) => e instanceof TypeError && /`today`: should be a string 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM'/.test(e.message) && !/JsValue/.test(e.message),
      `today ${String(today)} should be refused naming the form`,
    );
    stillWorks();
  }
  assert.throws(() => parse(PAGE, { today: new Date() }), /not a Date$/, 'a Date should be named as such');
  assert.throws(() => parse(PAGE, { today: '2026-13-45' }), /not '2026-13-45'$/, 'a string should be quoted');
  for (const today of ['2026-11-27', '2026-11-27T09:30', '2026-11-27 09:30']) {
    assert.equal(parse(PAGE, { today }).title, '经开区召开工作讲评会', `today ${today} should be accepted`);
  }
});

test('options: unknown keys and wrong types throw a TypeError naming the key', () => {
  const cases = [
    [{ todya: '2020-01-01' }, /todya/],
    [{ today: 5 }, /today/],
    [{ today: {} }, /today/],
    ['2020-01-01', /options should be an object/],
    [[1], /options should be an object/],
    [42, /options should be an object/],
  ];
  for (const [options, message] of cases) {
    assert.throws(() => parse(PAGE, options), (e) => e instanceof TypeError && message.test(e.message), `${JSON.stringify(options)} should be refused`);
    stillWorks();
  }
  for (const options of [undefined, null, {}, { today: null }, { today: undefined }]) {
    assert.equal(parse(PAGE, options).title, '经开区召开工作讲评会', `${String(options)} should mean the defaults`);
  }
});

test('lone surrogates are read as U+FFFD and keep UTF-16 spans', () => {
  const input = '标题\ud800在这里的一行\n\udc00正文\n';
  const article = parse(input);
  assert.equal(article.blocks.length, 2, 'should see two lines');
  assert.deepEqual(article.blocks.map((b) => [b.start, b.end]), [[0, 9], [10, 13]], 'spans should count one unit per lone surrogate');
  stillWorks();
});

test('empty input gives an Article with diagnostics', () => {
  for (const empty of ['', new Uint8Array(0)]) {
    const article = parse(empty);
    assert.equal(article.title, null, 'should find no title');
    assert.deepEqual(article.blocks, [], 'should find no blocks');
    assert.ok(article.diagnostics.some((d) => d.code === 'no-title'), 'should say there is no title');
  }
});

/** Bytes that are not UTF-8 give either an Article with a diagnostic (once the decoder guesses legacy
 * encodings) or an Error saying they cannot be read as text; never a TypeError or a trap. */
function notTextOutcome(bytes) {
  try {
    const article = parse(bytes);
    assert.ok(article.diagnostics.length > 0, 'an Article from bytes that are not UTF-8 should carry a diagnostic');
    return 'article';
  } catch (e) {
    assert.ok(e instanceof Error && !(e instanceof TypeError), 'should throw an Error, not a TypeError');
    assert.match(e.message, /cannot be read as text/, 'the error should say why');
    return 'error';
  }
}

test('bytes that are not text give an Article with a diagnostic or an Error, not a trap', () => {
  for (const bytes of [new Uint8Array([0x61, 0xff, 0x62]), new Uint8Array([0xff, 0xfe, 0x61]), new Uint8Array([0xc0, 0x80, 0xed, 0xa0, 0x80])]) {
    notTextOutcome(bytes);
    stillWorks();
  }
});

test('a 50 MB string parses to an Article', () => {
  const line = '这是一段很长的正文,用来检查大输入不会让模块崩溃。';
  const big = (line + '\n').repeat(Math.ceil((50 << 20) / (line.length * 3 + 1)));
  const article = parse(big);
  assert.ok(Array.isArray(article.blocks) && article.blocks.length > 1000, 'should return blocks for the big input');
  stillWorks();
});

test('a 50 MB single line without newlines parses', () => {
  const big = '字'.repeat((50 << 20) / 3);
  const article = parse(big);
  assert.equal(article.blocks.length, 1, 'should be one block');
  assert.equal(article.blocks[0].end, big.length, 'the span should cover the line in UTF-16 units');
  stillWorks();
});

test('parseFile rejects non-Blobs with a TypeError and reads Files', async () => {
  for (const bad of [undefined, 'text', new Uint8Array(1), {}]) {
    await assert.rejects(parseFile(bad), TypeError, `parseFile(${String(bad)}) should reject with a TypeError`);
  }
  const file = new File([PAGE], 'page.txt', { type: 'text/plain' });
  assert.equal((await parseFile(file)).title, '经开区召开工作讲评会', 'should parse a File');
  const notText = await parseFile(new Blob([new Uint8Array([0xff])])).then((a) => a.diagnostics.length > 0, (e) => /cannot be read as text/.test(e.message));
  assert.ok(notText, 'bytes that are not text should give a diagnostic or a rejection saying so');
  stillWorks();
});

test('random UTF-16 strings and bytes never throw and give in-bounds, ordered spans', () => {
  let seed = 0x9e3779b9;
  const next = () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  // Units that pages and misuse both produce: CJK, ASCII, labels' punctuation, newlines, CR, NUL,
  // lone and paired surrogates, BOM, full-width colon and spaces.
  const units = [0x4e2d, 0x6587, 0x65b0, 0x95fb, 0x41, 0x31, 0x3a, 0xff1a, 0x3000, 0x20, 0x0a, 0x0d, 0x00, 0xd800, 0xdc00, 0xd83d, 0xde00, 0xfeff, 0x5e74, 0x6708, 0x65e5];
  for (let round = 0; round < 300; round++) {
    const length = Math.floor(next() * 400);
    const text = String.fromCharCode(...Array.from({ length }, () => units[Math.floor(next() * units.length)]));
    const article = parse(text);
    let last = 0;
    for (const b of article.blocks) {
      assert.ok(last <= b.start && b.start < b.end && b.end <= text.length, `round ${round}: spans should be ordered and in bounds`);
      last = b.end;
    }
    notTextOutcome(Uint8Array.from({ length }, () => Math.floor(next() * 256)));
  }
  stillWorks();
});

// Errors thrown by the caller's own objects while the module reads them (a throwing getter, a
// Proxy trap, a throwing toString) come out as exceptions, and the module stays usable afterwards.
test('an options object whose getter throws: the error comes out, parse keeps working', () => {
  const boom = new Error('getter boom');
  const options = { get today() { throw boom; } };
  assert.throws(() => parse(PAGE, options), (e) => e === boom || /boom/.test(String(e?.message ?? e)), 'the getter\'s error should come out');
  stillWorks();
  for (let i = 0; i < 3; i++) {
    assert.throws(() => parse(PAGE, options), Error, 'a second call should throw the same way, not trap');
    stillWorks();
  }
});

test('Proxy options and Proxy input: a throwing trap comes out as an error, parse keeps working', () => {
  const traps = ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf'];
  for (const trap of traps) {
    const options = new Proxy({ today: '2020-01-01' }, { [trap]() { throw new Error(`trap ${trap}`); } });
    let outcome;
    try {
      outcome = parse(PAGE, options).title;
    } catch (e) {
      outcome = e instanceof Error ? 'error' : 'non-error';
    }
    assert.ok(outcome === 'error' || outcome === '经开区召开工作讲评会', `a throwing ${trap} trap should give an error or the defaults' result, not ${outcome}`);
    stillWorks();
  }
  // a Proxy that forwards everything is an ordinary options object
  assert.equal(parse(PAGE, new Proxy({ today: '2020-01-01' }, {})).title, '经开区召开工作讲评会', 'a forwarding Proxy should be read as its target');
  // a Proxy around a string or a Uint8Array is neither
  for (const input of [new Proxy(new Uint8Array(4), {}), new Proxy(new String(PAGE), {})]) {
    assert.throws(() => parse(input), TypeError, 'a Proxy input should be refused with a TypeError');
    stillWorks();
  }
});

test('objects that pretend to be strings are refused, without calling their toString', () => {
  let called = 0;
  const liar = { toString() { called++; throw new Error('toString boom'); }, valueOf() { called++; return PAGE; } };
  assert.throws(() => parse(liar), TypeError, 'an object with toString should be refused with a TypeError');
  assert.throws(() => parse(new String(PAGE)), TypeError, 'a String object should be refused with a TypeError');
  assert.equal(called, 0, 'should not call the input\'s toString or valueOf');
  stillWorks();
});

test('format option: known values are read, others refused naming the key', () => {
  assert.equal(parse(PAGE, { format: 'text' }).title, '经开区召开工作讲评会', 'format text should parse the page');
  const html = `<html><body><h1>经开区召开工作讲评会</h1><p>${PAGE.split('\n')[5]}</p></body></html>`;
  assert.equal(parse(html, { format: 'html' }).title, '经开区召开工作讲评会', 'format html should read the markup');
  assert.ok(parse(html, { format: 'text' }).blocks.length > 0, 'format text should read markup as text');
  for (const format of ['xml', 'Text', 1, true, {}]) {
    assert.throws(() => parse(PAGE, { format }), (e) => e instanceof TypeError && /format/.test(e.message), `format ${JSON.stringify(format)} should be refused`);
    stillWorks();
  }
});

test('a detached or empty Uint8Array, and a view into a larger buffer, parse as their bytes', () => {
  const buffer = new ArrayBuffer(16);
  const view = new Uint8Array(buffer);
  structuredClone(buffer, { transfer: [buffer] });
  assert.equal(view.length, 0, 'the view should be detached');
  // a detached view shows no bytes (its length is 0): it parses and decodes as an empty file
  assert.deepEqual(parse(view).blocks, [], 'a detached view should parse as no bytes');
  assert.equal(decode(view).text, '', 'a detached view should decode as no text');
  stillWorks();
  const bytes = new TextEncoder().encode('噪声\n' + PAGE + '噪声');
  const inner = new Uint8Array(bytes.buffer, 7, bytes.length - 13);
  assert.equal(parse(inner).title, '经开区召开工作讲评会', 'a view should parse only its own bytes');
  stillWorks();
});

test('a thousand alternating failures and successes leave the module usable', () => {
  for (let i = 0; i < 1000; i++) {
    assert.throws(() => parse(i % 2 ? 42 : PAGE, i % 2 ? undefined : { bad: i }), TypeError);
  }
  stillWorks();
  const article = parse(PAGE + '\ud800'.repeat(1000));
  assert.equal(article.title, '经开区召开工作讲评会', 'a page ending in lone surrogates should parse');
});

test('toMarkdown refuses what is not an Article with a TypeError naming the field, and reads partial ones', () => {
  for (const [bad, named] of [[5, /not a number/], [null, /not null/], [[], /not an array/], [{ title: 3 }, /`title` should be a string/],
    [{ content: [{ type: 'poem', text: 'x' }] }, /content\[0\].*'poem'/], [{ content: [{ type: 'list', items: [1] }] }, /content\[0\].*`items` should hold strings/]]) {
    assert.throws(() => toMarkdown(bad), (e) => e instanceof TypeError && named.test(e.message), `toMarkdown(${JSON.stringify(bad)}) should name ${named}`);
  }
  assert.equal(toMarkdown({}), '\n', 'an empty object is an Article with nothing in it');
  assert.equal(toMarkdown({ title: '标题', body: ['第一段。'] }), '# 标题\n\n第一段。\n', 'the body stands in for missing content');
  stillWorks();
});
