//! Markdown for support tickets: a table of all checks, then the fixes.

use std::fmt::Write;

use crate::report::{Report, Status};

/// Escapes the characters that break a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

pub(super) fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## BYOK prerequisites: {}\n", report.verdict.as_str());
    let _ = writeln!(out, "{}\n", super::context_line(report));
    let _ = writeln!(out, "| Status | Check | Found | Required |");
    let _ = writeln!(out, "|---|---|---|---|");
    for check in &report.checks {
        let _ = writeln!(
            out,
            "| {} {} | {} (`{}`) | {} | {} |",
            check
                .status
                .symbol()
                .replace('[', "\\[")
                .replace(']', "\\]"),
            check.status.as_str(),
            cell(&check.title),
            check.id,
            cell(check.observed.as_deref().unwrap_or("")),
            cell(&check.required)
        );
    }
    let to_fix: Vec<_> = report
        .checks
        .iter()
        .filter(|check| matches!(check.status, Status::Fail | Status::Warn | Status::Unknown))
        .collect();
    if !to_fix.is_empty() {
        let _ = writeln!(out, "\n### What to do\n");
    }
    for check in to_fix {
        let _ = writeln!(
            out,
            "#### {} ({}, `{}`)\n",
            check.title,
            check.status.as_str(),
            check.id
        );
        let _ = writeln!(out, "{}\n", check.message);
        let Some(remediation) = &check.remediation else {
            continue;
        };
        let _ = writeln!(out, "{}\n", remediation.summary);
        for (label, language, lines) in [
            ("LC display", "text", &remediation.lc_display),
            ("Console", "bash", &remediation.console),
            ("Azure CLI", "bash", &remediation.az),
            ("Steps", "text", &remediation.steps),
        ] {
            if lines.is_empty() {
                continue;
            }
            let _ = writeln!(out, "{label}:\n\n```{language}");
            for line in lines.iter() {
                let _ = writeln!(out, "{line}");
            }
            let _ = writeln!(out, "```\n");
        }
    }
    let _ = writeln!(out, "\n{}", super::summary_line(report));
    out
}
