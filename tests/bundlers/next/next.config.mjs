// Nothing for xinwen: the server path (import in Node) carries the .wasm, the client path fetches it.
export default {};
