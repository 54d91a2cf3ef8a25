//! Markdown for support tickets: a table of all checks, then the fixes.
//!
//! Names in a report come from pasted tool output, so every piece of text outside a code block
//! is escaped: no name can open raw HTML, a heading, a link or a code span.

use std::fmt::Write;

use crate::report::{Report, Status};

/// Escapes text for Markdown: backslash before ASCII punctuation that Markdown reads as
/// syntax, and line breaks folded into spaces.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '&' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Returns a code fence longer than any run of backticks in the lines, so no line can close it.
fn fence(lines: &[std::borrow::Cow<'static, str>]) -> String {
    let longest_run = lines
        .iter()
        .map(|line| line.split(|c| c != '`').map(str::len).max().unwrap_or(0))
        .max()
        .unwrap_or(0);
    "`".repeat((longest_run + 1).max(3))
}

pub(super) fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## BYOK prerequisites: {}\n", report.verdict.as_str());
    let _ = writeln!(out, "{}\n", text(&super::context_line(report)));
    let _ = writeln!(out, "| Status | Check | Found | Required |");
    let _ = writeln!(out, "|---|---|---|---|");
    for check in &report.checks {
        let _ = writeln!(
            out,
            "| {} {} | {} ({}) | {} | {} |",
            text(check.status.symbol()),
            check.status.as_str(),
            text(&check.title),
            text(&check.id),
            text(check.observed.as_deref().unwrap_or("")),
            text(&check.required)
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
            "#### {} ({}, {})\n",
            text(&check.title),
            check.status.as_str(),
            text(&check.id)
        );
        let _ = writeln!(out, "{}\n", text(&check.message));
        let Some(remediation) = &check.remediation else {
            continue;
        };
        let _ = writeln!(out, "{}\n", text(&remediation.summary));
        for (label, language, lines) in [
            ("LC display", "text", &remediation.lc_display),
            ("Console", "bash", &remediation.console),
            ("Azure CLI", "bash", &remediation.az),
            ("Steps", "text", &remediation.steps),
        ] {
            if lines.is_empty() {
                continue;
            }
            let fence = fence(lines);
            let _ = writeln!(out, "{label}:\n\n{fence}{language}");
            for line in lines.iter() {
                let _ = writeln!(out, "{line}");
            }
            let _ = writeln!(out, "{fence}\n");
        }
    }
    let _ = writeln!(out, "\n{}", super::summary_line(report));
    out
}
