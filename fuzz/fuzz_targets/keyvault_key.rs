//! Feeds arbitrary bytes to the reader of `az keyvault key show` and key identifiers: it must return, never panic.
#![no_main]

use byok_core::{parse_text, InputKind, ParseOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = ParseOptions {
        kind: Some(InputKind::KeyvaultKey),
        partition: None,
    };
    let _ = parse_text(&text, &options);
});
