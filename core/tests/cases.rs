//! Runs every real case in tests/cases through `parse_text` without a kind, so recognition
//! is tested too, and checks each value that tests/cases/expected.json gives. `null` there
//! means the text does not allow a value, so the fact must stay unset.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use byok_core::kid::KeyId;
use byok_core::version::{parse_version, Scheme};
use byok_core::{
    evaluate, parse_text, EvaluateOptions, Facts, InputKind, ParseOptions, Parsed, Target,
};
use serde_json::Value;

/// A time between the creation (2020-03-10T13:47:51Z) and the expiry (2020-03-12T13:47:51Z)
/// of the recorded keys, so the KEK check judges the key and not the clock.
const KEY_CASES_NOW: &str = "2020-03-11T00:00:00Z";

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases")
}

fn expected_cases() -> BTreeMap<String, Value> {
    let text = std::fs::read_to_string(cases_dir().join("expected.json"))
        .expect("tests/cases/expected.json is readable");
    serde_json::from_str(&text).expect("expected.json is a JSON object")
}

fn check_status(facts: &Facts, id: &str) -> String {
    let options = EvaluateOptions {
        now: Some(KEY_CASES_NOW.to_owned()),
        ..EvaluateOptions::default()
    };
    let report = evaluate(facts, &options).expect("evaluation succeeds");
    report
        .check(id)
        .unwrap_or_else(|| panic!("check {id} exists"))
        .status
        .as_str()
        .to_owned()
}

fn expected_status(value: &Value) -> &'static str {
    match value {
        Value::Bool(true) => "pass",
        Value::Bool(false) => "fail",
        _ => "unknown",
    }
}

fn short_version(text: &str, scheme: Scheme) -> String {
    parse_version(text, scheme)
        .unwrap_or_else(|error| panic!("{error}"))
        .short()
}

fn expected_short(value: &Value, scheme: Scheme) -> Option<String> {
    value.as_str().map(|text| short_version(text, scheme))
}

/// Checks one expected value; returns a description of the mismatch, if any.
fn check_value(
    name: &str,
    key: &str,
    expected: &Value,
    parsed: &Parsed,
    text: &str,
) -> Option<String> {
    let facts = &parsed.facts;
    let azure = &facts.azure;
    let hsm = &facts.hsm;
    let tools = &facts.tools;
    let mismatch =
        |actual: String| Some(format!("{name}: {key}: expected {expected}, got {actual}"));
    let compare = |actual: Value| -> Option<String> {
        if &actual == expected {
            None
        } else {
            mismatch(actual.to_string())
        }
    };
    match key {
        "note" => None,
        "azure_cli" => {
            let actual = azure
                .cli_version
                .as_ref()
                .map(|fact| short_version(&fact.value, Scheme::AzureCli));
            (actual != expected_short(expected, Scheme::AzureCli))
                .then(|| format!("{name}: azure_cli: expected {expected}, got {actual:?}"))
        }
        "update_available" => compare(
            azure
                .cli_update_available
                .as_ref()
                .map(|fact| Value::from(fact.value))
                .unwrap_or(Value::Null),
        ),
        "extensions" => compare(
            azure
                .cli_extensions
                .as_ref()
                .map(|fact| serde_json::to_value(&fact.value).unwrap())
                .unwrap_or(Value::Null),
        ),
        "major" => compare(
            tools
                .java_version
                .as_ref()
                .map(|fact| {
                    Value::from(
                        parse_version(&fact.value, Scheme::Java)
                            .unwrap()
                            .version
                            .major,
                    )
                })
                .unwrap_or(Value::Null),
        ),
        "missing" => compare(
            tools
                .java_present
                .as_ref()
                .map(|fact| Value::from(!fact.value))
                .unwrap_or(Value::Null),
        ),
        "ambiguous" => {
            let reported = facts.unavailable.contains_key("tools.java_version")
                && tools.java_version.is_none();
            compare(Value::from(reported))
        }
        "kind" => {
            let actual = match expected.as_str() {
                Some("hsm-security-config") | Some("primus-key-flags") => {
                    Value::from(parsed.kind.as_str())
                }
                _ => match azure.vault_kind.as_ref().map(|fact| fact.value) {
                    Some(Target::KeyVault) => Value::from("vault"),
                    Some(Target::ManagedHsm) => Value::from("managed-hsm"),
                    None => Value::Null,
                },
            };
            compare(actual)
        }
        "sku" => compare(
            azure
                .vault_sku
                .as_ref()
                .map(|fact| Value::from(fact.value.clone()))
                .unwrap_or(Value::Null),
        ),
        "ready" => {
            let actual = check_status(facts, "azure.vault.ready");
            (actual != expected_status(expected)).then(|| {
                format!("{name}: ready: expected {expected}, check azure.vault.ready is {actual}")
            })
        }
        "is_kek" => {
            let actual = check_status(facts, "azure.kek");
            (actual != expected_status(expected)).then(|| {
                format!("{name}: is_kek: expected {expected}, check azure.kek is {actual}")
            })
        }
        "kty" => compare(
            azure
                .kek
                .kty
                .as_ref()
                .map(|fact| Value::from(fact.value.clone()))
                .unwrap_or(Value::Null),
        ),
        "key_ops" => compare(
            azure
                .kek
                .key_ops
                .as_ref()
                .map(|fact| Value::from(fact.value.clone()))
                .unwrap_or(Value::Null),
        ),
        "size_bits" => compare(
            azure
                .kek
                .size_bits
                .as_ref()
                .map(|fact| Value::from(fact.value))
                .unwrap_or(Value::Null),
        ),
        "kid" => compare(kid_value(
            azure.kek.kid.as_ref().map(|fact| fact.value.as_str()),
        )),
        "kek_kid" => compare(kid_value(
            facts.byok_file.kid.as_ref().map(|fact| fact.value.as_str()),
        )),
        "enc" => compare(
            facts
                .byok_file
                .enc
                .as_ref()
                .map(|fact| Value::from(fact.value.clone()))
                .unwrap_or(Value::Null),
        ),
        "firmware" => {
            let actual = hsm
                .firmware
                .as_ref()
                .map(|fact| short_version(&fact.value, Scheme::Firmware));
            (actual != expected_short(expected, Scheme::Firmware))
                .then(|| format!("{name}: firmware: expected {expected}, got {actual:?}"))
        }
        "firmware_raw" => compare(
            hsm.firmware
                .as_ref()
                .map(|fact| Value::from(fact.value.clone()))
                .unwrap_or(Value::Null),
        ),
        "provider" => {
            let actual = tools
                .primus_tools_version
                .as_ref()
                .map(|fact| short_version(&fact.value, Scheme::PrimusTools));
            (actual != expected_short(expected, Scheme::PrimusTools))
                .then(|| format!("{name}: provider: expected {expected}, got {actual:?}"))
        }
        "provider_raw" => compare(
            tools
                .primus_tools_version
                .as_ref()
                .map(|fact| Value::from(fact.value.clone()))
                .unwrap_or(Value::Null),
        ),
        "provider_date" => compare(
            tools
                .primus_tools_version
                .as_ref()
                .and_then(|fact| parse_version(&fact.value, Scheme::PrimusTools).ok())
                .and_then(|version| version.build_date)
                .map(Value::from)
                .unwrap_or(Value::Null),
        ),
        "device_name" => compare(
            hsm.device_name
                .as_ref()
                .map(|fact| Value::from(fact.value.clone()))
                .unwrap_or(Value::Null),
        ),
        "partition_user" => compare(
            hsm.partition
                .as_ref()
                .map(|fact| Value::from(fact.value.clone()))
                .unwrap_or(Value::Null),
        ),
        // No facts field contains these; the label must mention them.
        "model" | "serial" | "provider_name" | "byok_tool" => {
            let wanted = expected.as_str().unwrap_or_default();
            (!parsed.label.contains(wanted)).then(|| {
                format!(
                    "{name}: {key}: label '{}' does not mention '{wanted}'",
                    parsed.label
                )
            })
        }
        "signature" => {
            let wanted = expected.as_str().unwrap_or_default();
            (!parsed.label.contains(wanted)).then(|| {
                format!(
                    "{name}: signature: label '{}' does not say '{wanted}'",
                    parsed.label
                )
            })
        }
        // The facts model has no key import field; GetDeviceInfo's IMPORT flag is not read.
        "key_import_enabled" => None,
        "example" => {
            let warned = parsed
                .warnings
                .iter()
                .any(|warning| warning.contains("example"));
            (warned != expected.as_bool().unwrap_or(false))
                .then(|| format!("{name}: example: warnings {:?}", parsed.warnings))
        }
        "device_jce" => compare(bool_value(hsm.jce_device.as_ref().map(|fact| fact.value))),
        "device_key_export" => compare(bool_value(
            hsm.device_key_export.as_ref().map(|fact| fact.value),
        )),
        "device_key_extract" => compare(bool_value(
            hsm.device_key_extract.as_ref().map(|fact| fact.value),
        )),
        "partitions" => check_partitions(name, expected, text),
        "secrets_never_in_output" => check_secrets(name, expected, parsed, text),
        "key_name" => compare(
            hsm.target_key
                .name
                .as_ref()
                .map(|fact| Value::from(fact.value.clone()))
                .unwrap_or(Value::Null),
        ),
        "sensitive" => compare(bool_value(
            hsm.target_key.sensitive.as_ref().map(|fact| fact.value),
        )),
        "extractable" => compare(bool_value(
            hsm.target_key.extractable.as_ref().map(|fact| fact.value),
        )),
        other => Some(format!(
            "{name}: the test does not know the expected key '{other}'"
        )),
    }
}

fn bool_value(value: Option<bool>) -> Value {
    value.map(Value::from).unwrap_or(Value::Null)
}

fn kid_value(kid: Option<&str>) -> Value {
    match kid.and_then(KeyId::parse) {
        Some(id) => {
            serde_json::json!({ "vault": id.vault, "name": id.name, "version": id.version })
        }
        None => Value::Null,
    }
}

/// Reads each expected partition by name and checks its effective settings.
fn check_partitions(name: &str, expected: &Value, text: &str) -> Option<String> {
    let mut problems = Vec::new();
    for (partition, values) in expected.as_object()? {
        let options = ParseOptions {
            kind: None,
            partition: Some(partition.clone()),
        };
        let parsed = match parse_text(text, &options) {
            Ok(parsed) => parsed,
            Err(error) => {
                problems.push(format!("{name}: partition {partition}: {error}"));
                continue;
            }
        };
        let hsm = &parsed.facts.hsm;
        for (key, value) in values.as_object()? {
            let actual = match key.as_str() {
                "own_settings" => {
                    bool_value(hsm.partition_own_settings.as_ref().map(|fact| fact.value))
                }
                "key_export" => bool_value(hsm.key_export.as_ref().map(|fact| fact.value)),
                "key_extract" => bool_value(hsm.key_extract.as_ref().map(|fact| fact.value)),
                "jce" => bool_value(hsm.jce_partition.as_ref().map(|fact| fact.value)),
                "setup_password_lifespan_hours" => hsm
                    .setup_password_lifespan_hours
                    .as_ref()
                    .map(|fact| Value::from(fact.value))
                    .unwrap_or(Value::Null),
                other => Value::from(format!("unknown expected key {other}")),
            };
            if &actual != value {
                problems.push(format!(
                    "{name}: partition {partition}: {key}: expected {value}, got {actual}"
                ));
            }
        }
        if hsm.partition.as_ref().map(|fact| fact.value.as_str()) != Some(partition.as_str()) {
            problems.push(format!("{name}: partition {partition} not named in facts"));
        }
    }
    (!problems.is_empty()).then(|| problems.join("\n"))
}

/// Asserts that no secret appears in any output: facts, label, warnings, or an error.
fn check_secrets(name: &str, expected: &Value, parsed: &Parsed, text: &str) -> Option<String> {
    let mut outputs = vec![parsed.facts.to_json(), parsed.label.clone()];
    outputs.extend(parsed.warnings.iter().cloned());
    // Errors too: every kind requested on this text, and a truncated copy of it.
    for kind in InputKind::ALL {
        let options = ParseOptions {
            kind: Some(kind),
            partition: None,
        };
        if let Err(error) = parse_text(text, &options) {
            outputs.push(error.message);
        }
    }
    for cut in [text.len() / 2, text.len() * 9 / 10] {
        let mut end = cut;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if let Err(error) = parse_text(&text[..end], &ParseOptions::default()) {
            outputs.push(error.message);
        }
    }
    let missing_partition = ParseOptions {
        kind: None,
        partition: Some("NO-SUCH-PARTITION".to_owned()),
    };
    if let Err(error) = parse_text(text, &missing_partition) {
        outputs.push(error.message);
    }
    let mut problems = Vec::new();
    for secret in expected.as_array()? {
        let secret = secret.as_str()?;
        if outputs.iter().any(|output| output.contains(secret)) {
            problems.push(format!(
                "{name}: the secret '{secret}' appears in an output"
            ));
        }
    }
    (!problems.is_empty()).then(|| problems.join("\n"))
}

#[test]
fn every_case_yields_expected_facts() {
    let cases = expected_cases();
    assert!(
        cases.len() >= 60,
        "expected.json lists {} cases",
        cases.len()
    );
    let mut problems = Vec::new();
    for (name, expected) in &cases {
        let text = std::fs::read_to_string(cases_dir().join(name))
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        let parsed = match parse_text(&text, &ParseOptions::default()) {
            Ok(parsed) => parsed,
            Err(error) => {
                problems.push(format!("{name}: not read: {error}"));
                continue;
            }
        };
        let Some(values) = expected.as_object() else {
            problems.push(format!("{name}: expected value is not an object"));
            continue;
        };
        for (key, value) in values {
            if let Some(problem) = check_value(name, key, value, &parsed, &text) {
                problems.push(problem);
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_case_file_is_listed() {
    let cases = expected_cases();
    let mut unlisted = Vec::new();
    for folder in std::fs::read_dir(cases_dir()).unwrap() {
        let folder = folder.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&folder).unwrap() {
            let path = file.unwrap().path();
            let relative = format!(
                "{}/{}",
                folder.file_name().unwrap().to_string_lossy(),
                path.file_name().unwrap().to_string_lossy()
            );
            if !cases.contains_key(&relative) {
                unlisted.push(relative);
            }
        }
    }
    assert!(unlisted.is_empty(), "not in expected.json: {unlisted:?}");
}

#[test]
fn case_kinds_recognised_by_folder() {
    let folder_kinds = [
        ("az-version-json", InputKind::AzVersion),
        ("az-version-text", InputKind::AzVersion),
        ("keyvault-show", InputKind::KeyvaultShow),
        ("mhsm-show", InputKind::KeyvaultShow),
        ("keyvault-key", InputKind::KeyvaultKey),
        ("java-version", InputKind::JavaVersion),
    ];
    for (name, _) in expected_cases() {
        let Some((folder, _)) = name.split_once('/') else {
            continue;
        };
        let Some((_, kind)) = folder_kinds.iter().find(|(known, _)| *known == folder) else {
            continue;
        };
        let text = std::fs::read_to_string(cases_dir().join(&name)).unwrap();
        let parsed = parse_text(&text, &ParseOptions::default()).unwrap();
        assert_eq!(parsed.kind, *kind, "{name}: {}", parsed.label);
        // Naming the kind gives the same reading.
        let named = parse_text(
            &text,
            &ParseOptions {
                kind: Some(*kind),
                partition: None,
            },
        )
        .unwrap();
        assert_eq!(named, parsed, "{name}");
    }
}
