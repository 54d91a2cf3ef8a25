//! The four renderers on real reports from the shared vectors.

use std::fs;
use std::path::Path;

use byok_core::{evaluate, render, EvaluateOptions, Facts, Format, Report};

fn report_for(vector: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(format!("{vector}.json"));
    let document: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let facts = Facts::from_value(document["facts"].clone()).unwrap();
    let options: EvaluateOptions = serde_json::from_value(document["options"].clone()).unwrap();
    evaluate(&facts, &options).unwrap()
}

#[test]
fn json_round_trips_to_same_report() {
    let report = report_for("reference-config-export-extract-off");
    let text = render(&report, Format::Json);
    let again: Report = serde_json::from_str(&text).unwrap();
    assert_eq!(again, report);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    for key in ["schema_version", "verdict", "summary", "checks"] {
        assert!(value.get(key).is_some(), "missing {key}");
    }
    assert_eq!(value["verdict"], "not-ready");
}

#[test]
fn text_shows_fix_for_failures_only() {
    let report = report_for("reference-config-export-extract-off");
    let text = render(&report, Format::Text);
    assert!(
        text.contains("[x]   fail     Key Export allowed for the partition  (hsm.key-export)"),
        "{text}"
    );
    assert!(
        text.contains("SETUP → CONFIGURATION → SECURITY → USER SECURITY → KEY EXPORT"),
        "{text}"
    );
    assert!(
        text.contains("hsm_user_set_config key_export=true"),
        "{text}"
    );
    assert!(
        !text.contains("hsm_sec_set_config jce=true"),
        "passing check shows a fix: {text}"
    );
    assert!(
        text.trim_end()
            .ends_with("not-ready: 12 passed, 2 failed, 0 warnings, 0 unknown, 2 skipped"),
        "{text}"
    );
}

#[test]
fn markdown_has_table_and_fixes() {
    let report = report_for("vault-standard-sku");
    let markdown = render(&report, Format::Markdown);
    assert!(
        markdown.starts_with("## BYOK prerequisites: not-ready"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Status | Check | Found | Required |"),
        "{markdown}"
    );
    assert!(markdown.contains("az keyvault update --name contoso-kv --resource-group contoso-rg --set properties.sku.name=premium"), "{markdown}");
    let rows = markdown
        .lines()
        .filter(|line| line.starts_with("| \\["))
        .count();
    assert_eq!(rows, report.checks.len());
}

#[test]
fn markdown_escapes_table_cells() {
    let mut report = report_for("vault-standard-sku");
    report.checks[0].observed = Some("a | b".into());
    let markdown = render(&report, Format::Markdown);
    assert!(markdown.contains("a \\| b"), "{markdown}");
}

#[test]
fn markdown_escapes_names_from_input() {
    let mut report = report_for("vault-standard-sku");
    let hostile = "<img src=x onerror=alert(1)>\n# heading `code` [link](x)";
    report.checks[2].message = format!("The vault '{hostile}' has the Standard SKU.");
    report.checks[2].observed = Some(hostile.to_owned().into());
    let markdown = render(&report, Format::Markdown);
    assert!(!markdown.replace("\\<", "").contains("<img"), "{markdown}");
    assert!(
        markdown.contains("\\<img src=x onerror=alert(1)\\>"),
        "{markdown}"
    );
    assert!(!markdown.contains("\n# heading"), "{markdown}");
    assert!(markdown.contains("\\`code\\`"), "{markdown}");
    assert!(markdown.contains("\\[link\\](x)"), "{markdown}");
}

#[test]
fn markdown_fence_outlasts_backticks() {
    let mut report = report_for("vault-standard-sku");
    let sku = report
        .checks
        .iter_mut()
        .find(|check| check.id == "azure.vault.sku")
        .unwrap();
    let remediation = sku.remediation.as_mut().unwrap();
    remediation.az = vec!["echo ````".into()].into();
    let markdown = render(&report, Format::Markdown);
    assert!(
        markdown.contains("`````bash\necho ````\n`````"),
        "{markdown}"
    );
}

#[test]
fn junit_is_well_formed_with_counts() {
    let mut report = report_for("empty-facts");
    report.checks[0].message = "quote \" ampersand & less < control \u{1}".to_owned();
    let xml = render(&report, Format::Junit);
    let document = roxmltree::Document::parse(&xml).unwrap();
    let suites = document.root_element();
    assert_eq!(suites.attribute("tests"), Some("16"));
    assert_eq!(suites.attribute("errors"), Some("15"));
    assert_eq!(suites.attribute("skipped"), Some("1"));
    let cases = document
        .descendants()
        .filter(|node| node.has_tag_name("testcase"))
        .count();
    assert_eq!(cases, 16);
    let first_error = document
        .descendants()
        .find(|node| node.has_tag_name("error"))
        .unwrap();
    assert_eq!(
        first_error.attribute("message").unwrap(),
        "quote \" ampersand & less < control \u{FFFD}"
    );
}

#[test]
fn format_names_parse() {
    assert_eq!(Format::from_name("md").unwrap(), Format::Markdown);
    assert_eq!(Format::from_name("JUnit").unwrap(), Format::Junit);
    let error = Format::from_name("yaml").unwrap_err();
    assert!(error.message.contains("'yaml'"), "{}", error.message);
}
