//! The report: one result per check and an overall verdict. `docs/report-schema.md` documents
//! the JSON form; the field names here are that contract.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Category, Remediation};
use crate::facts::{HsmService, KeyType, Target};

/// The report schema version this build writes.
pub const REPORT_SCHEMA_VERSION: u32 = 1;

/// Outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Warn,
    Fail,
    /// A fact is missing or unreadable; the message names which and how to get it.
    Unknown,
    /// Not applicable in this context, or skipped by the user.
    Skipped,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Pass,
        Status::Warn,
        Status::Fail,
        Status::Unknown,
        Status::Skipped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Warn => "warn",
            Status::Fail => "fail",
            Status::Unknown => "unknown",
            Status::Skipped => "skipped",
        }
    }

    /// Parses a status name as written in the report (`pass`, `warn`, ...).
    pub fn from_name(name: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|status| status.as_str().eq_ignore_ascii_case(name.trim()))
    }

    /// Text symbol shown next to the status, so status never depends on colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Pass => "[ok]",
            Status::Warn => "[!]",
            Status::Fail => "[x]",
            Status::Unknown => "[?]",
            Status::Skipped => "[-]",
        }
    }
}

/// Overall verdict of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// No check has a status that makes the verdict fail, and none is unknown.
    Ready,
    /// No check fails, but some could not be decided.
    Incomplete,
    /// At least one check has a status listed in `fail_on` (by default `fail`).
    NotReady,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::Incomplete => "incomplete",
            Verdict::NotReady => "not-ready",
        }
    }
}

/// Count of checks per status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub total: usize,
    pub pass: usize,
    pub warn: usize,
    pub fail: usize,
    pub unknown: usize,
    pub skipped: usize,
}

/// The context the checks were evaluated in, as far as it is known.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportContext {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hsm_service: Option<HsmService>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<KeyType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_size: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub curve: Option<String>,
}

/// A fact a check read, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Fact path, for example `azure.cli_version`.
    pub fact: Cow<'static, str>,
    pub source: Cow<'static, str>,
}

/// Result of one check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    /// Stable check id, for example `hsm.key-export`.
    pub id: Cow<'static, str>,
    pub title: Cow<'static, str>,
    pub category: Category,
    pub status: Status,
    /// Observed value, in the tool's own words where possible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observed: Option<Cow<'static, str>>,
    /// Requirement in this context.
    pub required: Cow<'static, str>,
    /// One or two sentences: what was found, why it matters, and for `unknown` which fact is
    /// missing and how to get it.
    pub message: String,
    /// Fact paths that were needed but missing (only for `unknown`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<Cow<'static, str>>,
    /// Facts the decision rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// How to fix it; present for `fail`, `warn` and `unknown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remediation: Option<Remediation>,
}

/// The report for one set of facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub verdict: Verdict,
    pub summary: Summary,
    pub context: ReportContext,
    /// Statuses that made the verdict `not-ready`.
    pub fail_on: Vec<Status>,
    pub checks: Vec<CheckResult>,
}

impl Report {
    /// Returns the result of the check with this id.
    pub fn check(&self, id: &str) -> Option<&CheckResult> {
        self.checks.iter().find(|check| check.id == id)
    }
}
