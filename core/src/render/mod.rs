//! Renderers for a report: JSON for programs, a text checklist for terminals, Markdown for
//! support tickets, and JUnit XML for CI dashboards.

mod junit;
mod markdown;
mod text;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorCode};
use crate::report::Report;

/// Output format of [`render`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Json,
    Text,
    Markdown,
    Junit,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Json, Format::Text, Format::Markdown, Format::Junit];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Junit => "junit",
        }
    }

    /// Parses a format name; the error lists the valid names.
    pub fn from_name(name: &str) -> Result<Format, Error> {
        let wanted = name.trim();
        Format::ALL
            .into_iter()
            .find(|format| {
                format.as_str().eq_ignore_ascii_case(wanted)
                    || (wanted.eq_ignore_ascii_case("md") && *format == Format::Markdown)
            })
            .ok_or_else(|| {
                Error::new(
                    ErrorCode::InvalidOption,
                    format!("unknown format '{wanted}'; expected json, text, markdown or junit"),
                )
            })
    }
}

/// Renders a report in the given format.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Json => serde_json::to_string_pretty(report).unwrap_or_default(),
        Format::Text => text::render(report),
        Format::Markdown => markdown::render(report),
        Format::Junit => junit::render(report),
    }
}

/// Returns the context line shared by the text and Markdown renderers.
fn context_line(report: &Report) -> String {
    let context = &report.context;
    let target = match context.target {
        Some(crate::facts::Target::KeyVault) => "Key Vault",
        Some(crate::facts::Target::ManagedHsm) => "Managed HSM",
        None => "target not chosen",
    };
    let service = match context.hsm_service {
        Some(crate::facts::HsmService::Primus) => "Primus HSM",
        Some(crate::facts::HsmService::Cloudhsm) => "CloudHSM",
        None => "HSM service not chosen",
    };
    let key = match (context.key_type, context.key_size, &context.curve) {
        (Some(crate::facts::KeyType::Ec), _, Some(curve)) => format!("EC {curve}"),
        (Some(key_type), Some(size), _) => format!("{} {size}", key_type_name(key_type)),
        (Some(key_type), None, _) => key_type_name(key_type).to_owned(),
        (None, _, _) => "key type not chosen".to_owned(),
    };
    format!("{service} → {target}, {key}")
}

fn key_type_name(key_type: crate::facts::KeyType) -> &'static str {
    match key_type {
        crate::facts::KeyType::Rsa => "RSA",
        crate::facts::KeyType::Ec => "EC",
        crate::facts::KeyType::Oct => "oct",
    }
}

fn summary_line(report: &Report) -> String {
    let summary = &report.summary;
    format!(
        "{}: {} passed, {} failed, {} warnings, {} unknown, {} skipped",
        report.verdict.as_str(),
        summary.pass,
        summary.fail,
        summary.warn,
        summary.unknown,
        summary.skipped
    )
}
