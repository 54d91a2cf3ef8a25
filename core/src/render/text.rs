//! Plain-text checklist for terminals: one line per check, details for the ones to act on.

use std::fmt::Write;

use crate::report::{Report, Status};

pub(super) fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "BYOK prerequisites: {}", super::context_line(report));
    let mut category = None;
    for check in &report.checks {
        if category != Some(check.category) {
            category = Some(check.category);
            let _ = writeln!(out, "\n{}", check.category.title());
        }
        let _ = writeln!(
            out,
            "  {:<5} {:<8} {}  ({})",
            check.status.symbol(),
            check.status.as_str(),
            check.title,
            check.id
        );
        if check.status == Status::Pass || check.status == Status::Skipped {
            continue;
        }
        if let Some(observed) = &check.observed {
            let _ = writeln!(out, "        found:    {observed}");
        }
        if !check.required.is_empty() {
            let _ = writeln!(out, "        required: {}", check.required);
        }
        let _ = writeln!(out, "        {}", check.message);
        if let Some(remediation) = &check.remediation {
            let _ = writeln!(out, "        fix: {}", remediation.summary);
            for (label, lines) in [
                ("LC display", &remediation.lc_display),
                ("console", &remediation.console),
                ("az", &remediation.az),
                ("steps", &remediation.steps),
            ] {
                if lines.is_empty() {
                    continue;
                }
                let _ = writeln!(out, "          {label}:");
                for line in lines.iter() {
                    let _ = writeln!(out, "            {line}");
                }
            }
        }
    }
    let _ = writeln!(out, "\n{}", super::summary_line(report));
    out
}
