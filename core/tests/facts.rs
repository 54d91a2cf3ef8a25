//! Reading, writing and merging facts documents, and rejecting bad ones with a clear error.

use byok_core::{evaluate, ErrorCode, EvaluateOptions, Facts, Status};

#[test]
fn facts_round_trip_through_json() {
    let text = r#"{
        "schema_version": 1,
        "context": { "target": { "value": "managed-hsm", "source": "entered by user" } },
        "hsm": { "firmware": { "value": "RX-2.11.2-T", "source": "Primus Tools GetDeviceInfo" } },
        "unavailable": { "azure.kek": "403 Forbidden" }
    }"#;
    let facts = Facts::from_json(text).unwrap();
    let again = Facts::from_json(&facts.to_json()).unwrap();
    assert_eq!(facts, again);
    assert_eq!(
        again.hsm.firmware.unwrap().source,
        "Primus Tools GetDeviceInfo"
    );
}

#[test]
fn facts_error_names_field_path() {
    let text = r#"{"schema_version": 1, "azure": {"kek": {"size_bits": {"value": "big"}}}}"#;
    let error = Facts::from_json(text).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidFacts);
    assert!(
        error.message.starts_with("azure.kek.size_bits.value:"),
        "{}",
        error.message
    );
    assert!(error.message.contains("expected u32"), "{}", error.message);
}

#[test]
fn facts_unknown_field_rejected() {
    let text = r#"{"schema_version": 1, "hsm": {"firmwre": {"value": "2.8.46"}}}"#;
    let error = Facts::from_json(text).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidFacts);
    assert!(error.message.contains("hsm"), "{}", error.message);
    assert!(error.message.contains("firmwre"), "{}", error.message);
}

#[test]
fn facts_bad_enum_value_names_choices() {
    let text = r#"{"schema_version": 1, "context": {"target": {"value": "vault"}}}"#;
    let error = Facts::from_json(text).unwrap_err();
    assert!(
        error.message.starts_with("context.target.value:"),
        "{}",
        error.message
    );
    assert!(error.message.contains("key-vault"), "{}", error.message);
}

#[test]
fn facts_schema_version_checked() {
    let missing = Facts::from_json(r#"{"hsm": {}}"#).unwrap_err();
    assert_eq!(missing.code, ErrorCode::InvalidFacts);
    assert!(
        missing.message.contains("schema_version: missing"),
        "{}",
        missing.message
    );

    let future = Facts::from_json(r#"{"schema_version": 2}"#).unwrap_err();
    assert_eq!(future.code, ErrorCode::UnsupportedSchema);
    assert!(
        future.message.contains("unsupported value 2"),
        "{}",
        future.message
    );

    let text_version = Facts::from_json(r#"{"schema_version": "1"}"#).unwrap_err();
    assert_eq!(text_version.code, ErrorCode::UnsupportedSchema);
}

#[test]
fn facts_not_json_or_not_object() {
    for text in ["", "not json", "[1, 2]", "{\"schema_version\": 1", "null"] {
        let error = Facts::from_json(text).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidFacts, "{text:?}");
    }
}

#[test]
fn facts_deep_nesting_is_an_error() {
    let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let error = Facts::from_json(&text).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidFacts);
}

#[test]
fn facts_oversized_rejected_before_parsing() {
    let text = format!(
        "{{\"schema_version\": 1, \"x\": \"{}\"}}",
        "a".repeat(5 * 1024 * 1024)
    );
    let error = Facts::from_json(&text).unwrap_err();
    assert_eq!(error.code, ErrorCode::InputTooLarge);
}

#[test]
fn merge_reports_replaced_values() {
    let mut base = Facts::from_json(
        r#"{"schema_version": 1, "hsm": {"firmware": {"value": "V2.8.46", "source": "HSM LC display"}, "partition": {"value": "PART001"}}}"#,
    )
    .unwrap();
    let update = Facts::from_json(
        r#"{"schema_version": 1, "hsm": {"firmware": {"value": "RX-2.11.2-T", "source": "Primus Tools GetDeviceInfo"}}, "tools": {"java_version": {"value": "21"}}}"#,
    )
    .unwrap();
    let replaced = base.merge(&update);
    assert_eq!(replaced.len(), 1);
    assert_eq!(replaced[0].path, "hsm.firmware");
    assert_eq!(base.hsm.firmware.as_ref().unwrap().value, "RX-2.11.2-T");
    assert_eq!(base.hsm.partition.as_ref().unwrap().value, "PART001");
    assert_eq!(base.tools.java_version.as_ref().unwrap().value, "21");
}

#[test]
fn merge_same_value_is_not_a_conflict() {
    let text = r#"{"schema_version": 1, "hsm": {"firmware": {"value": "V2.8.46", "source": "HSM LC display"}}}"#;
    let mut base = Facts::from_json(text).unwrap();
    let other = Facts::from_json(text.replace("HSM LC display", "HSM console").as_str()).unwrap();
    assert!(base.merge(&other).is_empty());
}

#[test]
fn evaluate_rejects_unknown_skip_id() {
    let options = EvaluateOptions {
        skip: vec!["azure.vault".to_owned()],
        ..EvaluateOptions::default()
    };
    let error = evaluate(&Facts::default(), &options).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidOption);
    assert!(error.message.contains("'azure.vault'"), "{}", error.message);
    assert!(
        error.message.contains("azure.vault.sku"),
        "{}",
        error.message
    );
}

#[test]
fn evaluate_rejects_unreadable_now() {
    let options = EvaluateOptions {
        now: Some("tomorrow".to_owned()),
        ..EvaluateOptions::default()
    };
    let error = evaluate(&Facts::default(), &options).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidOption);
    assert!(error.message.contains("'tomorrow'"), "{}", error.message);
}

#[test]
fn remediation_fills_known_names() {
    let facts = Facts::from_json(
        r#"{"schema_version": 1,
            "context": {"target": {"value": "key-vault"}},
            "azure": {"vault_name": {"value": "contoso-kv"}, "resource_group": {"value": "contoso-rg"},
                      "vault_sku": {"value": "standard"}}}"#,
    )
    .unwrap();
    let report = evaluate(&facts, &EvaluateOptions::default()).unwrap();
    let sku = report.check("azure.vault.sku").unwrap();
    let commands = &sku.remediation.as_ref().unwrap().az;
    assert!(
        commands[0].contains("--name contoso-kv --resource-group contoso-rg"),
        "{}",
        commands[0]
    );
    let kek = report.check("azure.kek").unwrap();
    assert!(kek.remediation.as_ref().unwrap().az[0].contains("<kek-name>"));
}

#[test]
fn passing_checks_carry_no_remediation() {
    let facts = Facts::from_json(
        r#"{"schema_version": 1, "azure": {"cli_version": {"value": "2.61.0"}},
            "context": {"target": {"value": "key-vault"}, "key_type": {"value": "RSA"}}}"#,
    )
    .unwrap();
    let report = evaluate(&facts, &EvaluateOptions::default()).unwrap();
    let cli = report.check("azure.cli.version").unwrap();
    assert_eq!(cli.status.as_str(), "pass");
    assert!(cli.remediation.is_none());
}

#[test]
fn managed_hsm_fix_uses_hsm_name() {
    let facts = Facts::from_json(
        r#"{"schema_version": 1,
            "context": {"target": {"value": "managed-hsm"}},
            "azure": {"vault_name": {"value": "contoso-mhsm"}}}"#,
    )
    .unwrap();
    let report = evaluate(&facts, &EvaluateOptions::default()).unwrap();
    let kek = report.check("azure.kek").unwrap();
    let commands = &kek.remediation.as_ref().unwrap().az;
    assert!(
        commands[0].contains("--hsm-name contoso-mhsm"),
        "{}",
        commands[0]
    );
    assert!(
        !commands.iter().any(|line| line.contains("--vault-name")),
        "{commands:?}"
    );

    let key_vault = Facts::from_json(
        r#"{"schema_version": 1, "context": {"target": {"value": "key-vault"}},
            "azure": {"vault_name": {"value": "contoso-kv"}}}"#,
    )
    .unwrap();
    let report = evaluate(&key_vault, &EvaluateOptions::default()).unwrap();
    let commands = &report
        .check("azure.kek")
        .unwrap()
        .remediation
        .as_ref()
        .unwrap()
        .az;
    assert!(
        commands[0].contains("--vault-name contoso-kv"),
        "{}",
        commands[0]
    );
}

#[test]
fn unsafe_names_keep_placeholders() {
    let facts = Facts::from_json(
        r#"{"schema_version": 1,
            "context": {"target": {"value": "key-vault"}},
            "azure": {"vault_name": {"value": "kv$(touch /tmp/x)"}, "resource_group": {"value": "-rg"},
                      "vault_sku": {"value": "standard"}},
            "hsm": {"target_key": {"name": {"value": "k;id"}, "extractable": {"value": false}}}}"#,
    )
    .unwrap();
    let report = evaluate(&facts, &EvaluateOptions::default()).unwrap();
    let sku = report.check("azure.vault.sku").unwrap();
    let command = &sku.remediation.as_ref().unwrap().az[0];
    assert!(command.contains("--name <vault-name>"), "{command}");
    assert!(
        command.contains("--resource-group <resource-group>"),
        "{command}"
    );
    let flags = report.check("hsm.target-key-flags").unwrap();
    let steps = &flags.remediation.as_ref().unwrap().steps;
    assert!(steps[0].contains("-keyname <key-name>"), "{}", steps[0]);
}

#[test]
fn future_setup_password_issue_time_is_unknown() {
    let facts = Facts::from_json(
        r#"{"schema_version": 1,
            "hsm": {"setup_password_issued_at": {"value": "9999-12-31T23:59:59Z"}}}"#,
    )
    .unwrap();
    let options = EvaluateOptions {
        now: Some("2026-01-31T12:00:00Z".to_owned()),
        ..EvaluateOptions::default()
    };
    let report = evaluate(&facts, &options).unwrap();
    let check = report.check("hsm.setup-password").unwrap();
    assert_eq!(check.status.as_str(), "unknown");
    assert!(
        check.message.contains("later than now"),
        "{}",
        check.message
    );
}

#[test]
fn fail_on_never_hides_failures() {
    let facts = Facts::from_json(
        r#"{"schema_version": 1, "context": {"target": {"value": "key-vault"}},
            "azure": {"vault_sku": {"value": "standard"}}}"#,
    )
    .unwrap();
    for fail_on in [vec![Status::Warn], vec![Status::Unknown], vec![]] {
        let options = EvaluateOptions {
            fail_on: Some(fail_on.clone()),
            ..EvaluateOptions::default()
        };
        let report = evaluate(&facts, &options).unwrap();
        assert_eq!(report.verdict.as_str(), "not-ready", "{fail_on:?}");
        assert_eq!(report.fail_on[0], Status::Fail, "{fail_on:?}");
    }
}

#[test]
fn fail_on_pass_is_rejected() {
    let options = EvaluateOptions {
        fail_on: Some(vec![Status::Pass]),
        ..EvaluateOptions::default()
    };
    let error = evaluate(&Facts::default(), &options).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidOption);
    assert!(error.message.contains("'pass'"), "{}", error.message);
}

#[test]
fn cloudhsm_fix_is_a_request_to_securosys() {
    let facts = Facts::from_json(
        r#"{"schema_version": 1, "context": {"hsm_service": {"value": "cloudhsm"}},
            "hsm": {"key_export": {"value": false}}}"#,
    )
    .unwrap();
    let report = evaluate(&facts, &EvaluateOptions::default()).unwrap();
    let remediation = report
        .check("hsm.key-export")
        .unwrap()
        .remediation
        .clone()
        .unwrap();
    assert!(
        remediation.summary.starts_with("CloudHSM: "),
        "{}",
        remediation.summary
    );
    assert!(remediation.console.is_empty());
    assert!(remediation.lc_display.is_empty());
}
