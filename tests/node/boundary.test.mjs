// Bad input across the JavaScript boundary: misuse throws a TypeError (or an Error for bytes that are
// not text), odd but valid input gives an Article with diagnostics, and nothing traps the module
// ('unreachable'): parse keeps working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, parseFile } from '../../pkg/node.js';

const PAGE = '岳阳网> 县区\n\n经开区召开工作讲评会\n作者:张冰明    来源:岳阳日报    发布时间:2017年07月26日\n\n' +
  '7月25日,经开区召开半年度工作讲评会,总结讲评上半年经济工作,安排部署下半年经济工作,确保全面完成全年目标任务。\n责任编辑:高大智\n';

function stillWorks() {
  assert.equal(parse(PAGE).title, '经开区召开工作讲评会', 'parse should still work');
}

test('inputs that are neither string nor Uint8Array throw a TypeError', () => {
  for (const bad of [undefined, null, 42, {}, [], true, Symbol('s'), () => 1, new ArrayBuffer(4), new Uint16Array(2)]) {
    assert.throws(() => parse(bad), (e) => e instanceof TypeError && /string or a Uint8Array/.test(e.message), `parse(${String(bad)}) should throw a TypeError`);
    stillWorks();
  }
  assert.throws(() => parse(), TypeError, 'parse() should throw a TypeError');
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
