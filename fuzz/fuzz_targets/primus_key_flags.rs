//! Feeds arbitrary bytes to the reader of Primus Tools ListKeyFlags: it must return, never panic.
#![no_main]

use byok_core::{parse_text, InputKind, ParseOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = ParseOptions {
        kind: Some(InputKind::PrimusKeyFlags),
        partition: None,
    };
    let _ = parse_text(&text, &options);
});
