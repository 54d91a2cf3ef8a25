//! Feeds arbitrary bytes to `parse_text` without a kind, so recognition and whichever reader
//! it picks run: it must return, never panic. A partition name is taken from the first line
//! so the security configuration reader also runs its partition choice.
#![no_main]

use byok_core::{parse_text, ParseOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = parse_text(&text, &ParseOptions::default());
    let partition = text.lines().next().map(str::to_owned);
    let options = ParseOptions {
        kind: None,
        partition,
    };
    let _ = parse_text(&text, &options);
});
