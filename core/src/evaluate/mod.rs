//! Evaluation of facts into a report: one function per rule, a shared context, and the verdict.

mod azure;
mod hsm;
mod outcome;
mod tools;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Lines, Remediation, Rule, RULES};
use crate::error::{Error, ErrorCode};
use crate::facts::{Facts, HsmService, KeyType, Target};
use crate::report::{
    CheckResult, Report, ReportContext, Status, Summary, Verdict, REPORT_SCHEMA_VERSION,
};
use crate::time::parse_rfc3339;

use outcome::Outcome;

/// Options for [`evaluate`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EvaluateOptions {
    /// Check ids to skip; each gets status `skipped`.
    pub skip: Vec<String>,
    /// Statuses that make the verdict `not-ready` in addition to `fail`, which always does:
    /// `warn`, `unknown`, even `skipped`. Default: `fail` only.
    pub fail_on: Option<Vec<Status>>,
    /// The current time, RFC 3339. Checks that compare against the clock (setup password, KEK
    /// expiry) are `unknown` without it.
    pub now: Option<String>,
}

/// Facts and context, resolved once, that every rule reads.
pub(crate) struct Context<'a> {
    pub facts: &'a Facts,
    /// The planned target, or failing that what the vault resource is.
    pub target: Option<Target>,
    pub service: Option<HsmService>,
    pub key_type: Option<KeyType>,
    /// Current time, Unix seconds.
    pub now: Option<i64>,
}

type Evaluator = fn(&Context) -> Outcome;

fn evaluator(id: &str) -> Option<Evaluator> {
    let function: Evaluator = match id {
        "azure.cli.version" => azure::cli_version,
        "azure.login" => azure::login,
        "azure.vault.sku" => azure::vault_sku,
        "azure.vault.ready" => azure::vault_ready,
        "azure.kek" => azure::kek,
        "azure.key-type" => azure::key_type,
        "hsm.firmware" => hsm::firmware,
        "hsm.jce.device" => hsm::jce_device,
        "hsm.jce.partition" => hsm::jce_partition,
        "hsm.key-export" => hsm::key_export,
        "hsm.key-extract" => hsm::key_extract,
        "hsm.setup-password" => hsm::setup_password,
        "hsm.target-key-flags" => hsm::target_key_flags,
        "tools.java" => tools::java,
        "tools.primus-tools" => tools::primus_tools,
        "byok.file" => tools::byok_file,
        _ => return None,
    };
    Some(function)
}

/// Evaluates every rule in the catalogue against the facts.
///
/// Errors only on invalid options: an unknown check id in `skip` or an unreadable `now`.
pub fn evaluate(facts: &Facts, options: &EvaluateOptions) -> Result<Report, Error> {
    for id in &options.skip {
        if !RULES.iter().any(|rule| rule.id == id) {
            let ids: Vec<&str> = RULES.iter().map(|rule| rule.id).collect();
            return Err(Error::new(
                ErrorCode::InvalidOption,
                format!(
                    "skip: unknown check id '{id}'; valid ids are {}",
                    ids.join(", ")
                ),
            ));
        }
    }
    let now = match &options.now {
        Some(text) => Some(parse_rfc3339(text).ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidOption,
                format!("now: '{text}' is not an RFC 3339 time such as 2026-01-31T12:00:00Z"),
            )
        })?),
        None => None,
    };

    let context = Context {
        facts,
        target: facts
            .context
            .target
            .as_ref()
            .map(|fact| fact.value)
            .or_else(|| facts.azure.vault_kind.as_ref().map(|fact| fact.value)),
        service: facts.context.hsm_service.as_ref().map(|fact| fact.value),
        key_type: facts.context.key_type.as_ref().map(|fact| fact.value),
        now,
    };

    let mut checks = Vec::with_capacity(RULES.len());
    for rule in RULES {
        let outcome = if options.skip.iter().any(|id| id == rule.id) {
            Outcome::skipped("skipped by request".to_owned())
        } else {
            match evaluator(rule.id) {
                Some(function) => function(&context),
                None => Outcome::unknown_text(format!("no evaluator for check '{}'", rule.id)),
            }
        };
        checks.push(to_result(rule, outcome, &context));
    }

    // A failing check always makes the verdict not-ready, so a stricter --fail-on can never
    // turn a failure into a pass.
    let mut fail_on = vec![Status::Fail];
    for status in options.fail_on.iter().flatten() {
        if !fail_on.contains(status) {
            fail_on.push(*status);
        }
    }
    if fail_on.contains(&Status::Pass) {
        return Err(Error::new(
            ErrorCode::InvalidOption,
            "fail_on: 'pass' cannot make the verdict not-ready; list fail, warn, unknown or skipped".to_owned(),
        ));
    }
    let summary = summarize(&checks);
    let verdict = if checks.iter().any(|check| fail_on.contains(&check.status)) {
        Verdict::NotReady
    } else if summary.unknown > 0 {
        Verdict::Incomplete
    } else {
        Verdict::Ready
    };

    Ok(Report {
        schema_version: REPORT_SCHEMA_VERSION,
        verdict,
        summary,
        context: ReportContext {
            target: context.target,
            hsm_service: context.service,
            key_type: context.key_type,
            key_size: facts.context.key_size.as_ref().map(|fact| fact.value),
            curve: facts.context.curve.as_ref().map(|fact| fact.value.clone()),
        },
        fail_on,
        checks,
    })
}

fn summarize(checks: &[CheckResult]) -> Summary {
    let mut summary = Summary {
        total: checks.len(),
        ..Summary::default()
    };
    for check in checks {
        match check.status {
            Status::Pass => summary.pass += 1,
            Status::Warn => summary.warn += 1,
            Status::Fail => summary.fail += 1,
            Status::Unknown => summary.unknown += 1,
            Status::Skipped => summary.skipped += 1,
        }
    }
    summary
}

fn to_result(rule: &'static Rule, outcome: Outcome, context: &Context) -> CheckResult {
    let needs_fix = matches!(
        outcome.status,
        Status::Fail | Status::Warn | Status::Unknown
    );
    CheckResult {
        id: Cow::Borrowed(rule.id),
        title: Cow::Borrowed(rule.title),
        category: rule.category,
        status: outcome.status,
        observed: outcome.observed,
        required: outcome.required,
        message: outcome.message,
        missing: outcome.missing.into_iter().map(Cow::Borrowed).collect(),
        evidence: outcome.evidence,
        remediation: needs_fix.then(|| remediation_for(rule, context)),
    }
}

/// Picks the rule's fix for this context and fills in the names the facts know.
fn remediation_for(rule: &'static Rule, context: &Context) -> Remediation {
    if context.service == Some(HsmService::Cloudhsm) && !rule.cloudhsm_fix.is_empty() {
        return Remediation {
            summary: Cow::Borrowed(rule.cloudhsm_fix),
            lc_display: Cow::Borrowed(&[]),
            console: Cow::Borrowed(&[]),
            az: Cow::Borrowed(&[]),
            steps: Cow::Borrowed(&[]),
        };
    }
    let managed_hsm = context.target == Some(Target::ManagedHsm) && !rule.managed_hsm_az.is_empty();
    if managed_hsm {
        let template = Remediation {
            az: rule.managed_hsm_az.clone(),
            ..rule.remediation.clone()
        };
        fill_placeholders(&template, context.facts)
    } else {
        fill_placeholders(&rule.remediation, context.facts)
    }
}

/// Returns a fact's text when it is safe to paste into a shell command.
fn value(fact: &Option<crate::facts::Fact<String>>) -> Option<&str> {
    fact.as_ref()
        .map(|fact| fact.value.as_str())
        .filter(|text| is_shell_safe(text))
}

/// True for names made only of letters, digits, `.`, `_` and `-` (and `:` and `/` for a URL),
/// not starting with `-`. Names read from pasted output can contain anything, and a fix
/// command is copied into a shell, so any other name keeps its placeholder.
fn is_shell_safe(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 256
        && !text.starts_with('-')
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':' | '/'))
}

/// Replaces `<vault-name>` and the other placeholders with values from the facts.
fn fill_placeholders(template: &Remediation, facts: &Facts) -> Remediation {
    let kek_kid = value(&facts.azure.kek.kid);
    let kek_name = kek_kid
        .and_then(crate::kid::KeyId::parse)
        .map(|kid| kid.name);
    let azure = &facts.azure;
    let values: [(&str, Option<&str>); 8] = [
        ("<vault-name>", value(&azure.vault_name)),
        ("<hsm-name>", value(&azure.vault_name)),
        ("<resource-group>", value(&azure.resource_group)),
        ("<subscription-id>", value(&azure.subscription_id)),
        ("<kek-name>", kek_name.as_deref()),
        ("<kek-kid>", kek_kid),
        ("<partition>", value(&facts.hsm.partition)),
        ("<key-name>", value(&facts.hsm.target_key.name)),
    ];
    let fill = |lines: &Lines| -> Lines {
        if !lines.iter().any(|line| {
            values
                .iter()
                .any(|(name, value)| value.is_some() && line.contains(name))
        }) {
            return lines.clone();
        }
        let filled: Vec<Cow<'static, str>> = lines
            .iter()
            .map(|line| {
                let mut text = line.to_string();
                for (name, value) in &values {
                    if let Some(value) = value {
                        text = text.replace(name, value);
                    }
                }
                Cow::Owned(text)
            })
            .collect();
        Cow::Owned(filled)
    };
    Remediation {
        summary: template.summary.clone(),
        lc_display: fill(&template.lc_display),
        console: fill(&template.console),
        az: fill(&template.az),
        steps: fill(&template.steps),
    }
}
