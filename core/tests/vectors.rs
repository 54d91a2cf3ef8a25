//! Runs every shared vector in tests/vectors through the core and compares the verdict, each
//! check's status, and the whole report with tests/vectors/reports/<name>.report.json.
//! UPDATE_REPORTS=1 rewrites the report files after a deliberate change.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use byok_core::{evaluate, EvaluateOptions, Facts, Status, RULES};
use serde_json::Value;

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

struct Vector {
    name: String,
    facts: Facts,
    options: EvaluateOptions,
    verdict: String,
    statuses: BTreeMap<String, String>,
}

fn load_vectors() -> Vec<Vector> {
    let mut paths: Vec<PathBuf> = fs::read_dir(vectors_dir())
        .expect("tests/vectors exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&path).unwrap();
            let document: Value =
                serde_json::from_str(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
            let facts = Facts::from_value(document["facts"].clone())
                .unwrap_or_else(|error| panic!("{name}: {error}"));
            let options: EvaluateOptions = match document.get("options") {
                Some(options) => serde_json::from_value(options.clone())
                    .unwrap_or_else(|error| panic!("{name}: options: {error}")),
                None => EvaluateOptions::default(),
            };
            let expected = &document["expected"];
            let verdict = expected["verdict"]
                .as_str()
                .unwrap_or_else(|| panic!("{name}: expected.verdict"))
                .to_owned();
            let statuses = expected["checks"]
                .as_object()
                .unwrap_or_else(|| panic!("{name}: expected.checks"))
                .iter()
                .map(|(id, status)| (id.clone(), status.as_str().unwrap().to_owned()))
                .collect();
            Vector {
                name,
                facts,
                options,
                verdict,
                statuses,
            }
        })
        .collect()
}

#[test]
fn vectors_match_expected_statuses() {
    let vectors = load_vectors();
    assert!(vectors.len() >= 40, "only {} vectors", vectors.len());
    let mut failures = Vec::new();
    for vector in &vectors {
        let report = evaluate(&vector.facts, &vector.options)
            .unwrap_or_else(|error| panic!("{}: {error}", vector.name));
        if report.verdict.as_str() != vector.verdict {
            failures.push(format!(
                "{}: verdict {}, expected {}",
                vector.name,
                report.verdict.as_str(),
                vector.verdict
            ));
        }
        for check in &report.checks {
            match vector.statuses.get(check.id.as_ref()) {
                Some(expected) if expected == check.status.as_str() => {}
                Some(expected) => failures.push(format!(
                    "{}: {} is {} ({}), expected {expected}",
                    vector.name,
                    check.id,
                    check.status.as_str(),
                    check.message
                )),
                None => failures.push(format!(
                    "{}: no expected status for {}",
                    vector.name, check.id
                )),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn vectors_match_report_files() {
    let update = std::env::var_os("UPDATE_REPORTS").is_some();
    let reports_dir = vectors_dir().join("reports");
    fs::create_dir_all(&reports_dir).unwrap();
    let mut stale = Vec::new();
    let mut expected_files = BTreeSet::new();
    for vector in load_vectors() {
        let report = evaluate(&vector.facts, &vector.options).unwrap();
        let text = serde_json::to_string_pretty(&report).unwrap() + "\n";
        let file_name = format!("{}.report.json", vector.name);
        let path = reports_dir.join(&file_name);
        expected_files.insert(file_name);
        if update {
            fs::write(&path, &text).unwrap();
        } else if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(vector.name);
        }
    }
    for entry in fs::read_dir(&reports_dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !expected_files.contains(&name) {
            if update {
                fs::remove_file(reports_dir.join(&name)).unwrap();
            } else {
                stale.push(format!("{name} (no vector)"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "report files are stale for: {}\nRun UPDATE_REPORTS=1 cargo test -p byok-prereqs-core --test vectors after checking the change.",
        stale.join(", ")
    );
}

#[test]
fn vectors_cover_every_rule_and_context() {
    let vectors = load_vectors();
    let mut seen: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut contexts = BTreeSet::new();
    for vector in &vectors {
        for (id, status) in &vector.statuses {
            if let Some(rule) = RULES.iter().find(|rule| rule.id == id) {
                seen.entry(rule.id).or_default().insert(status.clone());
            }
        }
        let context = &vector.facts.context;
        if let Some(target) = &context.target {
            contexts.insert(format!("{:?}", target.value));
        }
        if let Some(service) = &context.hsm_service {
            contexts.insert(format!("{:?}", service.value));
        }
        if let Some(key_type) = &context.key_type {
            contexts.insert(format!("{:?}", key_type.value));
        }
    }
    for rule in RULES {
        let statuses = seen.get(rule.id).cloned().unwrap_or_default();
        for wanted in [Status::Pass, Status::Fail, Status::Unknown] {
            assert!(
                statuses.contains(wanted.as_str()),
                "{} has no vector with status {}",
                rule.id,
                wanted.as_str()
            );
        }
    }
    for context in [
        "KeyVault",
        "ManagedHsm",
        "Primus",
        "Cloudhsm",
        "Rsa",
        "Ec",
        "Oct",
    ] {
        assert!(
            contexts.contains(context),
            "no vector with context {context}"
        );
    }
}
