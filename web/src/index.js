// The core's API in JavaScript: `await load()` instantiates the WebAssembly module and returns
// the core's functions. The module is inlined in this file, gzipped and base64-encoded, so
// nothing is fetched: it works under a Content Security Policy with `connect-src 'none'`,
// from file:// and in Node.

import init, * as wasm from "../pkg/byok_prereqs_wasm.js";
import wasmGzipBase64 from "../pkg/wasm-inline.js";

let loading = null;

/** Instantiates the module once and returns the core's functions. */
export function load() {
  loading ??= inflate(wasmGzipBase64)
    .then((bytes) => init({ module_or_path: bytes }))
    .then(() => api);
  return loading;
}

const api = Object.freeze({
  parseText: (text, options) => wasm.parseText(text, options),
  evaluate: (facts, options) => wasm.evaluate(facts, options),
  mergeFacts: wasm.mergeFacts,
  factsToJson: wasm.factsToJson,
  render: wasm.render,
  rules: wasm.rules,
  inputKinds: wasm.inputKinds,
  version: wasm.version,
});

/** Decodes base64 and gunzips it with the platform's DecompressionStream. */
async function inflate(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) {
    bytes[index] = binary.charCodeAt(index);
  }
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
