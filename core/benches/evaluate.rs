//! Evaluates the full catalogue on a complete facts document (the shared vector
//! `ready-keyvault-primus-rsa`, every fact set) and on an empty one.

use std::fs;
use std::hint::black_box;
use std::path::Path;

use byok_core::{evaluate, render, EvaluateOptions, Facts, Format};
use criterion::{criterion_group, criterion_main, Criterion};

fn load(vector: &str) -> (Facts, EvaluateOptions) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(format!("{vector}.json"));
    let document: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).expect("vector file")).expect("JSON");
    let facts = Facts::from_value(document["facts"].clone()).expect("facts");
    let options = serde_json::from_value(document["options"].clone()).expect("options");
    (facts, options)
}

fn bench_evaluate(criterion: &mut Criterion) {
    let (complete, options) = load("ready-keyvault-primus-rsa");
    criterion.bench_function("evaluate complete facts", |bencher| {
        bencher.iter(|| evaluate(black_box(&complete), black_box(&options)))
    });

    let (failing, failing_options) = load("reference-config-export-extract-off");
    criterion.bench_function("evaluate with two failures", |bencher| {
        bencher.iter(|| evaluate(black_box(&failing), black_box(&failing_options)))
    });

    let empty = Facts::default();
    criterion.bench_function("evaluate empty facts", |bencher| {
        bencher.iter(|| evaluate(black_box(&empty), black_box(&options)))
    });

    let text = complete.to_json();
    criterion.bench_function("read complete facts JSON", |bencher| {
        bencher.iter(|| Facts::from_json(black_box(&text)))
    });

    let report = evaluate(&complete, &options).expect("report");
    criterion.bench_function("render text checklist", |bencher| {
        bencher.iter(|| render(black_box(&report), Format::Text))
    });
}

criterion_group!(benches, bench_evaluate);
criterion_main!(benches);
