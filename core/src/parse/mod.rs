//! Readers for what the tools print: one entry point, [`parse_text`], and a reader per kind.
//!
//! Each reader returns a fragment of the facts model. Hosts merge fragments with
//! [`crate::Facts::merge`] and evaluate the result.

mod az_version;
mod byok_file;
mod clean;
mod java;
mod json_scan;
mod key;
mod keyvault;
mod primus;
mod security_config;

use std::cell::OnceCell;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorCode};
use crate::facts::Facts;
use json_scan::JsonDocument;

/// Largest text accepted by [`parse_text`], in bytes. Larger input is rejected before any work.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// Kind of a text: which tool's output it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputKind {
    /// `az version` (JSON) or `az --version` (text table).
    AzVersion,
    /// `az keyvault show`, with or without `--hsm-name`, in CLI, ARM or PowerShell form.
    KeyvaultShow,
    /// `az keyvault key show` or `create`, or a bare key identifier URL.
    KeyvaultKey,
    /// Primus Tools `GetDeviceInfo`, the LC display, `hsm_diagnostics fw` and similar.
    PrimusDeviceInfo,
    /// Primus Tools `ListKeyFlags`.
    PrimusKeyFlags,
    /// Usage text of a Primus Tools command, such as `AzureByokExport -help`.
    PrimusCommandHelp,
    /// Security configuration XML exported with `hsm_sec_export_config`.
    HsmSecurityConfig,
    /// `java -version` or `java --version`.
    JavaVersion,
    /// A `.byok` file written by `AzureByokExport`.
    ByokFile,
    /// A facts bundle written by `az byok prereqs --export-facts` or the browser page.
    Facts,
}

impl InputKind {
    pub const ALL: [InputKind; 10] = [
        InputKind::AzVersion,
        InputKind::KeyvaultShow,
        InputKind::KeyvaultKey,
        InputKind::PrimusDeviceInfo,
        InputKind::PrimusKeyFlags,
        InputKind::PrimusCommandHelp,
        InputKind::HsmSecurityConfig,
        InputKind::JavaVersion,
        InputKind::ByokFile,
        InputKind::Facts,
    ];

    /// Returns the kind's name as hosts spell it, for example `keyvault-show`.
    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::AzVersion => "az-version",
            InputKind::KeyvaultShow => "keyvault-show",
            InputKind::KeyvaultKey => "keyvault-key",
            InputKind::PrimusDeviceInfo => "primus-device-info",
            InputKind::PrimusKeyFlags => "primus-key-flags",
            InputKind::PrimusCommandHelp => "primus-command-help",
            InputKind::HsmSecurityConfig => "hsm-security-config",
            InputKind::JavaVersion => "java-version",
            InputKind::ByokFile => "byok-file",
            InputKind::Facts => "facts",
        }
    }

    /// Parses a kind name; the error lists the valid names.
    pub fn from_name(name: &str) -> Result<InputKind, Error> {
        let wanted = name.trim();
        InputKind::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| {
                let names: Vec<&str> = InputKind::ALL.iter().map(|kind| kind.as_str()).collect();
                Error::new(
                    ErrorCode::InvalidOption,
                    format!(
                        "unknown input kind '{wanted}'; expected one of: {}",
                        names.join(", ")
                    ),
                )
            })
    }
}

/// Options for [`parse_text`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ParseOptions {
    /// The kind of text; recognised from the text when not given.
    pub kind: Option<InputKind>,
    /// Partition to read from a security configuration with several partitions.
    pub partition: Option<String>,
}

/// Result of [`parse_text`]: the recognised kind, its facts and warnings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parsed {
    pub kind: InputKind,
    /// Description of the recognised text, for example
    /// "az keyvault show output for a Managed HSM".
    pub label: String,
    /// The facts the text establishes; everything else is left unset.
    pub facts: Facts,
    /// Things the operator should know, for example "this text shows 3 Java runtimes with
    /// different versions ... Run `java -version` once ..." or "The sku has no "family"".
    pub warnings: Vec<String>,
}

/// Reads tool output into a facts fragment, recognising the kind when `options.kind` is None.
///
/// Errors: [`ErrorCode::InputTooLarge`] over [`MAX_INPUT_BYTES`], checked before any work.
/// [`ErrorCode::UnrecognizedInput`] for empty text or text of no known kind.
/// [`ErrorCode::InvalidInput`] for binary data, text that is not the requested kind, or text
/// of a known kind that cannot be read. Its message names what was expected and where
/// reading stopped. The work is linear in the input size, and no input makes it panic
/// (the fuzz targets in `fuzz/` test this).
pub fn parse_text(text: &str, options: &ParseOptions) -> Result<Parsed, Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorCode::InputTooLarge,
            format!(
                "the text is {} bytes; the limit is {} bytes. Paste only the output of one command",
                text.len(),
                MAX_INPUT_BYTES
            ),
        ));
    }
    // Windows tools (PowerShell's Out-File, Notepad) start files with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    reject_binary(text)?;
    if text.trim().is_empty() {
        return Err(Error::new(
            ErrorCode::UnrecognizedInput,
            format!(
                "the text is empty; paste the output of one of: {}",
                kind_names()
            ),
        ));
    }
    // The XML and facts readers read the raw text, so they skip the clean-up pass.
    let raw_kind = match options.kind {
        Some(kind) => Some(kind).filter(|kind| is_raw_kind(*kind)),
        None => detect_raw(text),
    };
    let cleaned = match raw_kind {
        Some(_) => String::new(),
        None => clean::clean_text(text),
    };
    let input = Input {
        raw: text,
        cleaned: &cleaned,
        json: OnceCell::new(),
    };
    let Some(kind) = options.kind else {
        let kind = match raw_kind {
            Some(kind) => kind,
            None => detect(&input)?,
        };
        let mut parsed = read_kind(kind, &input, options)?;
        if raw_kind.is_none() {
            warn_about_other_outputs(&input, kind, &mut parsed.warnings);
        }
        return Ok(parsed);
    };
    read_kind(kind, &input, options).map_err(|error| {
        if error.code != ErrorCode::InvalidInput {
            return error;
        }
        // Say what the text looks like, so the user can fix a wrong kind.
        let cleaned = clean::clean_text(text);
        let full_input = Input {
            raw: text,
            cleaned: &cleaned,
            json: OnceCell::new(),
        };
        let found = detect_raw(text).map_or_else(|| detect(&full_input), Ok);
        match found {
            Ok(found) if found != kind => Error::new(
                error.code,
                format!(
                    "{} This text looks like {} (kind '{}').",
                    error.message,
                    describe(found),
                    found.as_str()
                ),
            ),
            _ => error,
        }
    })
}

/// Kinds whose readers read the raw text rather than the cleaned one.
fn is_raw_kind(kind: InputKind) -> bool {
    matches!(kind, InputKind::HsmSecurityConfig | InputKind::Facts)
}

/// Recognises the kinds that are read from the raw text, before any clean-up.
fn detect_raw(text: &str) -> Option<InputKind> {
    if security_config::looks_like(text) {
        Some(InputKind::HsmSecurityConfig)
    } else if has_numeric_schema_version(text) {
        // A facts bundle is strict JSON read by its own parser: an object with a numeric
        // schema_version, which a .byok file (a string schema_version) does not have.
        Some(InputKind::Facts)
    } else {
        None
    }
}

fn read_kind(kind: InputKind, input: &Input, options: &ParseOptions) -> Result<Parsed, Error> {
    match kind {
        InputKind::AzVersion => az_version::read(input),
        InputKind::KeyvaultShow => keyvault::read(input),
        InputKind::KeyvaultKey => key::read(input),
        InputKind::PrimusDeviceInfo => primus::read_device_info(input),
        InputKind::PrimusKeyFlags => primus::read_key_flags(input),
        InputKind::PrimusCommandHelp => primus::read_command_help(input),
        InputKind::HsmSecurityConfig => security_config::read(input, options.partition.as_deref()),
        InputKind::JavaVersion => java::read(input),
        InputKind::ByokFile => byok_file::read(input),
        InputKind::Facts => read_facts(input),
    }
}

/// Recognises the kind of a text from marks that only that kind's output carries.
fn detect(input: &Input) -> Result<InputKind, Error> {
    if let Some(kind) = detect_raw(input.raw) {
        return Ok(kind);
    }

    if input.cleaned.contains('{') {
        let document = input.json()?;
        if byok_file::looks_like(document) {
            return Ok(InputKind::ByokFile);
        }
        if looks_like_facts(document) {
            return Ok(InputKind::Facts);
        }
        if document.has_key("azure-cli") {
            return Ok(InputKind::AzVersion);
        }
        if key::looks_like_json(document) {
            return Ok(InputKind::KeyvaultKey);
        }
        if keyvault::looks_like_json(document) {
            return Ok(InputKind::KeyvaultShow);
        }
    }

    let cleaned = input.cleaned;
    if az_version::looks_like_text(cleaned) {
        return Ok(InputKind::AzVersion);
    }
    if key::key_not_found(cleaned).is_some() {
        return Ok(InputKind::KeyvaultKey);
    }
    if keyvault::looks_like_text(cleaned) {
        return Ok(InputKind::KeyvaultShow);
    }
    if primus::looks_like_command_help(cleaned) {
        return Ok(InputKind::PrimusCommandHelp);
    }
    if primus::looks_like_key_flags(cleaned) {
        return Ok(InputKind::PrimusKeyFlags);
    }
    if java::looks_like(cleaned) {
        return Ok(InputKind::JavaVersion);
    }
    if primus::looks_like_device_info(cleaned) {
        return Ok(InputKind::PrimusDeviceInfo);
    }
    if key::looks_like_kid_text(cleaned) {
        return Ok(InputKind::KeyvaultKey);
    }

    Err(Error::new(
        ErrorCode::UnrecognizedInput,
        format!(
            "this text was not recognised as the output of a tool this product reads; give its kind, one of: {}",
            kind_names()
        ),
    ))
}

/// Largest text checked for a second, glued-on output; real tool outputs are far smaller.
const MAX_GLUED_CHECK_BYTES: usize = 256 * 1024;

/// Warns when the text also contains the output of another tool, which the reader of the
/// recognised kind ignores, so nothing the user pasted is dropped without a word.
fn warn_about_other_outputs(input: &Input, kind: InputKind, warnings: &mut Vec<String>) {
    if input.cleaned.len() > MAX_GLUED_CHECK_BYTES {
        return;
    }
    let cleaned = input.cleaned;
    let document = if cleaned.contains('{') {
        input.json().ok()
    } else {
        None
    };
    let present = |other: InputKind| -> bool {
        match other {
            InputKind::AzVersion => {
                az_version::looks_like_text(cleaned)
                    || document.is_some_and(|document| document.has_key("azure-cli"))
            }
            InputKind::KeyvaultShow => {
                keyvault::looks_like_text(cleaned)
                    || document.is_some_and(keyvault::looks_like_json)
            }
            InputKind::KeyvaultKey => document.is_some_and(key::looks_like_json),
            InputKind::JavaVersion => java::looks_like(cleaned),
            InputKind::PrimusKeyFlags => primus::looks_like_key_flags(cleaned),
            _ => false,
        }
    };
    for other in [
        InputKind::AzVersion,
        InputKind::KeyvaultShow,
        InputKind::KeyvaultKey,
        InputKind::JavaVersion,
        InputKind::PrimusKeyFlags,
    ] {
        if other != kind && present(other) {
            warnings.push(format!(
                "This text also contains what looks like {}, which was not read: only {} was. Give each output separately.",
                describe(other),
                describe(kind)
            ));
        }
    }
}

/// Describes a kind's text for messages, for example "`az keyvault show` output".
fn describe(kind: InputKind) -> &'static str {
    match kind {
        InputKind::AzVersion => "`az version` or `az --version` output",
        InputKind::KeyvaultShow => "`az keyvault show` output",
        InputKind::KeyvaultKey => "`az keyvault key show` output or a key identifier",
        InputKind::PrimusDeviceInfo => "Primus HSM device information",
        InputKind::PrimusKeyFlags => "Primus Tools ListKeyFlags output",
        InputKind::PrimusCommandHelp => "the usage text of a Primus Tools command",
        InputKind::HsmSecurityConfig => "an HSM security configuration (XML)",
        InputKind::JavaVersion => "`java -version` output",
        InputKind::ByokFile => "a .byok file",
        InputKind::Facts => "a facts bundle",
    }
}

fn kind_names() -> String {
    let names: Vec<&str> = InputKind::ALL.iter().map(|kind| kind.as_str()).collect();
    names.join(", ")
}

/// True for a text that starts with `{` and has `"schema_version": <digit>`, as facts
/// bundles do (a .byok file's schema_version is a string).
fn has_numeric_schema_version(raw: &str) -> bool {
    if !raw.trim_start().starts_with('{') {
        return false;
    }
    let Some(position) = find_fast(raw, "\"schema_version\"") else {
        return false;
    };
    let after = raw
        .get(position + "\"schema_version\"".len()..)
        .unwrap_or("")
        .trim_start();
    after
        .strip_prefix(':')
        .is_some_and(|value| value.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// True for a JSON object with a facts section (`context`, `azure`, ...) as an object. The
/// `schema_version` may be missing or of the wrong type: the facts reader then reports that,
/// instead of the text being read as some other kind with no facts.
fn looks_like_facts(document: &JsonDocument) -> bool {
    let version_plausible = matches!(
        document.get_exact("schema_version"),
        None | Some(json_scan::Value::Number(_)) | Some(json_scan::Value::String(_))
    );
    version_plausible
        && [
            "context",
            "azure",
            "hsm",
            "tools",
            "byok_file",
            "unavailable",
        ]
        .iter()
        .any(|section| matches!(document.get_exact(section), Some(json_scan::Value::Object)))
}

fn read_facts(input: &Input) -> Result<Parsed, Error> {
    let text = input.raw.trim();
    let facts = Facts::from_json(text).or_else(|error| {
        // A bundle pasted inside a fence or a blockquote: read the cleaned text instead.
        let cleaned = clean::clean_text(text);
        let cleaned = cleaned.trim();
        if cleaned != text && cleaned.starts_with('{') {
            Facts::from_json(cleaned)
        } else {
            Err(error)
        }
    })?;
    Ok(Parsed {
        kind: InputKind::Facts,
        label: "facts bundle".to_owned(),
        facts,
        warnings: Vec::new(),
    })
}

/// Rejects text with NUL bytes or mostly control characters: a binary file, not tool output.
fn reject_binary(text: &str) -> Result<(), Error> {
    if let Some(offset) = text.bytes().position(|byte| byte == 0) {
        return Err(Error::new(
            ErrorCode::InvalidInput,
            format!("the text contains binary data (a NUL byte at offset {offset}); paste the text output of the command, not a binary file"),
        ));
    }
    let sample = text.get(..4096).unwrap_or(text);
    let control = sample
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}' | '\u{1b}'))
        .count();
    if control * 10 > sample.chars().count().max(1) {
        return Err(Error::new(
            ErrorCode::InvalidInput,
            "the text is mostly control characters, so it looks like binary data; paste the text output of the command".to_owned(),
        ));
    }
    Ok(())
}

/// A text being read: the raw text, the cleaned text and, once needed, its JSON reading.
pub(crate) struct Input<'a> {
    pub raw: &'a str,
    pub cleaned: &'a str,
    json: OnceCell<Result<JsonDocument<'a>, Error>>,
}

impl<'a> Input<'a> {
    /// Reads the cleaned text as tolerant JSON, once.
    pub fn json(&self) -> Result<&JsonDocument<'a>, Error> {
        self.json
            .get_or_init(|| json_scan::scan(self.cleaned))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// Builds the error for text that is not the expected kind. It names the tool, what was
/// expected and where reading stopped.
pub(crate) fn invalid_input(input: &Input, tool: &str, expected: &str) -> Error {
    let read = if input.cleaned.is_empty() {
        input.raw
    } else {
        input.cleaned
    };
    let lines = read.lines().count();
    let mut message = format!(
        "expected {tool} output with {expected}, but none was found in the {lines} line(s) read"
    );
    if let Some(Ok(document)) = input.json.get() {
        if document
            .repairs
            .iter()
            .any(|repair| repair.contains("cut off"))
        {
            message.push_str(&format!(
                "; the JSON stops at line {} inside an unclosed object, so the paste may be cut off",
                document.last_line
            ));
        }
    }
    message.push('.');
    Error::new(ErrorCode::InvalidInput, message)
}

/// Cuts `text` to at most `max` characters for a message, marking the cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((index, _)) => format!("{}...", text.get(..index).unwrap_or(text)),
        None => text.to_owned(),
    }
}

/// Returns the lines of `text` that contain any of `markers`, in text order, each once, with the
/// 0-based number of each line.
///
/// Searching the whole text for a few markers is much faster than testing every line of a
/// large paste, and the readers need only a handful of lines. Each marker's search resumes
/// after the line it matched, so the work stays linear however often a marker repeats.
pub(crate) fn lines_containing<'t>(text: &'t str, markers: &[&str]) -> Vec<(usize, &'t str)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for marker in markers {
        let mut from = 0;
        while let Some(found) = text.get(from..).and_then(|rest| find_fast(rest, marker)) {
            let position = from + found;
            let start = text
                .get(from..position)
                .and_then(|before| before.rfind('\n'))
                .map_or(from, |newline| from + newline + 1);
            let end = text
                .get(position..)
                .and_then(|after| after.find('\n'))
                .map_or(text.len(), |newline| position + newline);
            ranges.push((start, end));
            from = end + 1;
            if from >= text.len() {
                break;
            }
        }
    }
    ranges.sort_unstable();
    ranges.dedup();
    let mut lines = Vec::with_capacity(ranges.len());
    let mut line_number = 0;
    let mut counted_to = 0;
    for (start, end) in ranges {
        line_number += text.get(counted_to..start).map_or(0, |skipped| {
            skipped.bytes().filter(|byte| *byte == b'\n').count()
        });
        counted_to = start;
        if let Some(line) = text.get(start..end) {
            lines.push((line_number, line));
        }
    }
    lines
}

/// Bytes searched per step by [`find_fast`].
const FIND_CHUNK_BYTES: usize = 16 * 1024;

/// Finds `needle` like [`str::find`], but skips chunks without a match using
/// [`str::contains`], which the standard library vectorises for short needles while `find`
/// is not. That is faster on a large paste where a marker is rare or absent.
pub(crate) fn find_fast(haystack: &str, needle: &str) -> Option<usize> {
    let mut start = 0;
    while start < haystack.len() {
        // Chunks overlap by the needle's length so that no match is split between two.
        let mut end = (start + FIND_CHUNK_BYTES + needle.len()).min(haystack.len());
        while !haystack.is_char_boundary(end) {
            end -= 1;
        }
        let chunk = haystack.get(start..end)?;
        if chunk.contains(needle) {
            return chunk.find(needle).map(|position| start + position);
        }
        if end == haystack.len() {
            return None;
        }
        start += FIND_CHUNK_BYTES;
        while start < haystack.len() && !haystack.is_char_boundary(start) {
            start += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_containing_markers() {
        let text = "one alpha\ntwo\nthree beta alpha\nfour\nbeta";
        assert_eq!(
            lines_containing(text, &["alpha", "beta"]),
            vec![(0, "one alpha"), (2, "three beta alpha"), (4, "beta")]
        );
        assert!(lines_containing(text, &["gamma"]).is_empty());
        assert_eq!(lines_containing("x\n", &["x"]), vec![(0, "x")]);
    }

    #[test]
    fn find_fast_matches_find() {
        let mut text = "é".repeat(FIND_CHUNK_BYTES / 2 + 3);
        text.push_str("needle");
        text.push_str(&"a".repeat(FIND_CHUNK_BYTES * 2));
        text.push_str("needle");
        for needle in ["needle", "é", "a", "absent", "éne"] {
            assert_eq!(find_fast(&text, needle), text.find(needle), "{needle}");
        }
        let from = text.find("needle").unwrap() + 1;
        assert_eq!(
            find_fast(&text[from..], "needle"),
            text[from..].find("needle")
        );
        assert_eq!(find_fast("", "x"), None);
    }
}
