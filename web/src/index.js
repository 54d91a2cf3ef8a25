// The core's API in JavaScript: `await load()` instantiates the WebAssembly module, which is
// inlined in this file as base64, and returns the core's functions. Nothing is fetched, so the
// module works under a Content Security Policy with `connect-src 'none'`, from file:// and in
// Node.

import init, * as wasm from "../pkg/byok_prereqs_wasm.js";
import wasmBase64 from "../pkg/wasm-inline.js";

let loading = null;

/** Instantiates the module once and returns the core's functions. */
export function load() {
  loading ??= init({ module_or_path: decodeBase64(wasmBase64) }).then(() => api);
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

function decodeBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) {
    bytes[index] = binary.charCodeAt(index);
  }
  return bytes;
}
