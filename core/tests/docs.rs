//! Fails when docs/checks.md no longer matches the catalogue. UPDATE_DOCS=1 rewrites it.

use std::fs;
use std::path::Path;

#[test]
fn checks_doc_matches_catalogue() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/checks.md");
    let generated = byok_core::catalogue::to_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        fs::write(&path, &generated).unwrap();
    }
    let current = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "docs/checks.md is stale; run UPDATE_DOCS=1 cargo test -p byok-prereqs-core --test docs"
    );
}
