// The JavaScript half of src/wasm/tape.rs: builds a value from the tape, the numbers and the strings.
// scripts/build-wasm inlines this file into the package's glues (ES module and CommonJS).
// Ops (src/wasm/tape.rs, mod op): 0 null, 1 true, 2 false, 3 number, 4 string (UTF-16 length),
// 5 array (length), 6 object (key count), 7 key or unit variant seen before (index), 8 new one (UTF-16 length).
const tapeText = new TextDecoder('utf-16le', { ignoreBOM: true });

export function fromTape(tape, numbers, units) {
  const strings = tapeText.decode(units);
  let t = 0; // next op
  let n = 0; // next number
  let s = 0; // where the next string starts, in UTF-16 units
  const keys = []; // the keys and unit variants' names, by index
  function value() {
    switch (tape[t++]) {
      case 0:
        return null;
      case 1:
        return true;
      case 2:
        return false;
      case 3:
        return numbers[n++];
      case 4:
        return strings.slice(s, (s += tape[t++]));
      case 5: {
        const a = [];
        for (let i = tape[t++]; i > 0; i--) a.push(value());
        return a;
      }
      case 6: {
        const o = {};
        for (let i = tape[t++]; i > 0; i--) {
          // a key seen before, read here: the common case, without a call
          const op = tape[t++];
          const k = op === 7 ? keys[tape[t++]] : (t--, value());
          o[k] = value();
        }
        return o;
      }
      case 7:
        return keys[tape[t++]];
      case 8: {
        const k = strings.slice(s, (s += tape[t++]));
        keys.push(k);
        return k;
      }
      default:
        throw new Error(`xinwen: bad tape op ${tape[t - 1]} at ${t - 1}`);
    }
  }
  return value();
}
