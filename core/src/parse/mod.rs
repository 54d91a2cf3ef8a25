//! Readers for what the tools print: one entry point, [`parse_text`], and a reader per kind.
//!
//! Each reader returns a fragment of the facts model. Hosts merge fragments with
//! [`crate::Facts::merge`] and evaluate the result.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorCode};
use crate::facts::Facts;

/// Largest text accepted by [`parse_text`], in bytes. Larger input is rejected before any work.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// What a text is.
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

    /// The kind's name as hosts spell it, for example `keyvault-show`.
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

/// What [`parse_text`] read from a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parsed {
    pub kind: InputKind,
    /// What the text was recognised as, for example
    /// "az keyvault show output for a Managed HSM".
    pub label: String,
    /// The facts the text establishes; everything else is left unset.
    pub facts: Facts,
    /// Things the operator should know, for example
    /// "two different Java versions in this text; the last one was used".
    pub warnings: Vec<String>,
}

/// Reads tool output into a facts fragment, recognising the kind when `options.kind` is None.
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
    // TODO: the readers arrive with the parsers; until then only facts bundles are read.
    match options.kind {
        Some(InputKind::Facts) | None if text.trim_start().starts_with('{') => {
            let facts = Facts::from_json(text)?;
            Ok(Parsed {
                kind: InputKind::Facts,
                label: "facts bundle".to_owned(),
                facts,
                warnings: Vec::new(),
            })
        }
        _ => Err(Error::new(
            ErrorCode::UnrecognizedInput,
            "this text was not recognised".to_owned(),
        )),
    }
}
