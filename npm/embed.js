// The WebAssembly module carried inside this file (base64), so that no bundler, server bundle or
// deployment has to find or copy xinwen_bg.wasm. scripts/build-wasm appends this part to the glue.
function embeddedWasm() {
  const base64 = embeddedWasmBase64();
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  if (typeof globalThis.Buffer === 'function') return globalThis.Buffer.from(base64, 'base64');
  const digit = new Uint8Array(128);
  for (let i = 0; i < 64; i++) {
    digit['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
  }
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((base64.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < base64.length; i += 4) {
    const n = (digit[base64.charCodeAt(i)] << 18) | (digit[base64.charCodeAt(i + 1)] << 12) |
      (digit[base64.charCodeAt(i + 2)] << 6) | digit[base64.charCodeAt(i + 3)];
    bytes[o++] = n >> 16;
    if (o < bytes.length) bytes[o++] = (n >> 8) & 255;
    if (o < bytes.length) bytes[o++] = n & 255;
  }
  return bytes;
}

function embeddedWasmBase64() {
  return '@BASE64@';
}
