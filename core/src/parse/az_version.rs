//! Azure CLI version from `az version` (JSON) and the older `az --version` (text table).

use std::collections::BTreeMap;

use super::json_scan::Value;
use super::{invalid_input, Input};
use crate::error::Error;
use crate::facts::{source, Fact, Facts};
use crate::parse::{InputKind, Parsed};
use crate::version::{parse_version, Scheme};

/// True when the text has the `azure-cli  2.61.0` line of `az --version`.
pub(super) fn looks_like_text(cleaned: &str) -> bool {
    cleaned.lines().any(|line| azure_cli_line(line).is_some())
}

pub(super) fn read(input: &Input) -> Result<Parsed, Error> {
    if input.cleaned.contains("\"azure-cli\"") {
        let document = input.json()?;
        if document.has_key("azure-cli") {
            return read_json(input);
        }
    }
    if looks_like_text(input.cleaned) {
        return Ok(read_text(input.cleaned));
    }
    Err(invalid_input(
        input,
        "az version",
        "a JSON object with an \"azure-cli\" key, or an `azure-cli  2.61.0` line of `az --version`",
    ))
}

fn read_json(input: &Input) -> Result<Parsed, Error> {
    let document = input.json()?;
    let mut facts = Facts::default();
    let mut warnings = Vec::new();
    let version = match document.get("azure-cli") {
        Some(Value::String(version)) => version.to_string(),
        _ => {
            return Err(invalid_input(
                input,
                "az version",
                "a version string as the value of \"azure-cli\"",
            ))
        }
    };
    check_version(&version, &mut warnings);
    facts.azure.cli_version = Some(Fact::new(version.clone(), source::AZ_VERSION));

    match document.get("extensions") {
        Some(Value::Object) => {
            let extensions: BTreeMap<String, String> = document
                .object_strings("extensions")
                .unwrap_or_default()
                .into_iter()
                .collect();
            facts.azure.cli_extensions = Some(Fact::new(extensions, source::AZ_VERSION));
        }
        Some(_) => warnings.push(
            "\"extensions\" has no readable value in this JSON, so the installed extensions are not known.".to_owned(),
        ),
        None => warnings.push(
            "The JSON has no \"extensions\" key (the paste may be cut off), so the installed extensions are not known.".to_owned(),
        ),
    }
    if let Some(warning) = document.repair_warning() {
        warnings.push(warning);
    }
    Ok(Parsed {
        kind: InputKind::AzVersion,
        label: format!("az version output (JSON), Azure CLI {version}"),
        facts,
        warnings,
    })
}

/// Reads `azure-cli   2.72.0 *` or `azure-cli (2.0.41)`: the version and whether `*` follows.
fn azure_cli_line(line: &str) -> Option<(&str, bool)> {
    let rest = line.trim_start().strip_prefix("azure-cli")?;
    if !rest.starts_with([' ', '\t', '(']) {
        return None;
    }
    let rest = rest.trim_start().trim_start_matches('(');
    let (version, after) = split_version(rest)?;
    let marked = after
        .trim_start()
        .trim_start_matches(')')
        .trim()
        .starts_with('*');
    Some((version, marked))
}

/// Splits a version (`2.54.0b1`, `2.0.0+dev`) from the start of `text`.
fn split_version(text: &str) -> Option<(&str, &str)> {
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-' | '_')))
        .unwrap_or(text.len());
    Some((text.get(..end)?, text.get(end..)?))
}

/// Reads `name  1.0.1` or `name (1.0.1)`, a line of the extension list.
fn name_version_line(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    let (name, rest) = line.split_once([' ', '\t', '('])?;
    if name.is_empty()
        || !name
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.'))
    {
        return None;
    }
    let rest = rest.trim_start().trim_start_matches('(');
    let (version, after) = split_version(rest)?;
    let after = after.trim_start().trim_start_matches(')').trim();
    if !(after.is_empty() || after == "*") {
        return None;
    }
    Some((name, version))
}

/// Lines that `az --version` prints after the extension list: seeing one means the list,
/// had there been one, would have been pasted too.
const AFTER_EXTENSIONS: [&str; 5] = [
    "Dependencies:",
    "Python location",
    "Extensions directory",
    "Legal docs and information",
    "Python (",
];

fn read_text(cleaned: &str) -> Parsed {
    let mut facts = Facts::default();
    let mut warnings = Vec::new();
    let mut version: Option<(String, bool)> = None;
    let mut extensions: Option<BTreeMap<String, String>> = None;
    let mut in_extensions = false;
    let mut past_extensions = false;
    let mut other_versions = Vec::new();

    for line in cleaned.lines() {
        let trimmed = line.trim();
        if let Some((found, marked)) = azure_cli_line(trimmed) {
            match &version {
                Some((first, _)) if first != found => {
                    if other_versions.len() < 5
                        && !other_versions.iter().any(|known| known == found)
                    {
                        other_versions.push(found.to_owned());
                    }
                }
                Some(_) => {}
                None => version = Some((found.to_owned(), marked)),
            }
            continue;
        }
        if trimmed.eq_ignore_ascii_case("Extensions:") {
            in_extensions = true;
            extensions.get_or_insert_with(BTreeMap::new);
            continue;
        }
        if in_extensions {
            match name_version_line(trimmed) {
                Some((name, extension_version)) => {
                    if let Some(map) = extensions.as_mut() {
                        map.insert(name.to_owned(), extension_version.to_owned());
                    }
                    continue;
                }
                None => in_extensions = false,
            }
        }
        if AFTER_EXTENSIONS
            .iter()
            .any(|marker| trimmed.starts_with(marker))
        {
            past_extensions = true;
        }
    }
    // The update check prints one of these lines after the table.
    let update_check_failed = cleaned.contains("Unable to check if your CLI is up-to-date");
    let up_to_date = !update_check_failed && cleaned.contains("Your CLI is up-to-date");
    let updates_listed =
        cleaned.contains("update(s) available") || cleaned.contains("updates available");

    let Some((version, marked)) = version else {
        // looks_like_text() found the line, so this is not reached; stay total all the same.
        return Parsed {
            kind: InputKind::AzVersion,
            label: "az --version output".to_owned(),
            facts,
            warnings,
        };
    };
    check_version(&version, &mut warnings);
    if !other_versions.is_empty() {
        warnings.push(format!(
            "This text shows more than one Azure CLI ({version}, {}); the first one was used. Paste the output of one `az --version` run.",
            other_versions.join(", ")
        ));
    }
    facts.azure.cli_version = Some(Fact::new(version.clone(), source::AZ_VERSION_TEXT));

    // `*` on the azure-cli line marks the CLI itself for update. Without it, only a
    // completed update check ("up-to-date" or "N update(s) available") shows there is none.
    let update_available = if marked {
        Some(true)
    } else if (up_to_date || updates_listed) && !update_check_failed {
        Some(false)
    } else {
        None
    };
    if let Some(update_available) = update_available {
        facts.azure.cli_update_available =
            Some(Fact::new(update_available, source::AZ_VERSION_TEXT));
    }
    if update_check_failed {
        warnings.push(
            "az --version could not check for updates, so whether a newer Azure CLI exists is not known.".to_owned(),
        );
    }

    match extensions {
        Some(map) => {
            facts.azure.cli_extensions = Some(Fact::new(map, source::AZ_VERSION_TEXT));
        }
        None if past_extensions => {
            facts.azure.cli_extensions =
                Some(Fact::new(BTreeMap::new(), source::AZ_VERSION_TEXT));
        }
        None => warnings.push(
            "The paste ends before the place of the extension list, so the installed extensions are not known.".to_owned(),
        ),
    }

    let marker = if marked { " (update available)" } else { "" };
    Parsed {
        kind: InputKind::AzVersion,
        label: format!("az --version output, Azure CLI {version}{marker}"),
        facts,
        warnings,
    }
}

fn check_version(version: &str, warnings: &mut Vec<String>) {
    if let Err(error) = parse_version(version, Scheme::AzureCli) {
        warnings.push(format!(
            "{error}; the Azure CLI version check will be unknown."
        ));
    }
}
