//! Evaluates every facts document the fuzzer finds, in several option sets, and renders each
//! report in every format. Seeded with the shared vectors. Besides never panicking, it checks
//! two properties: facts survive a round trip through their JSON, and so does the report.
#![no_main]

use byok_core::{evaluate, render, EvaluateOptions, Facts, Format, Report, Status};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // A vector file contains the facts under "facts"; a facts bundle is the facts itself.
    let facts = Facts::from_json(&text).or_else(|error| {
        serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|value| value.get("facts").cloned())
            .map_or(Err(error), Facts::from_value)
    });
    let Ok(facts) = facts else {
        return;
    };
    assert_eq!(Facts::from_json(&facts.to_json()).ok().as_ref(), Some(&facts));

    let mut merged = facts.clone();
    assert!(merged.merge(&facts).is_empty());
    assert_eq!(merged, facts);

    let option_sets = [
        EvaluateOptions {
            now: Some("2026-01-31T12:00:00Z".to_owned()),
            ..EvaluateOptions::default()
        },
        EvaluateOptions::default(),
        EvaluateOptions {
            fail_on: Some(vec![Status::Warn, Status::Unknown]),
            skip: vec!["azure.kek".to_owned()],
            now: Some("1970-01-01T00:00:00Z".to_owned()),
        },
    ];
    for options in &option_sets {
        let report = evaluate(&facts, options).expect("valid options never fail");
        let json = render(&report, Format::Json);
        let again: Report = serde_json::from_str(&json).expect("report JSON reads back");
        assert_eq!(again, report);
        for format in [Format::Text, Format::Markdown, Format::Junit] {
            let _ = render(&report, format);
        }
    }
});
