//! JUnit XML for CI dashboards: one test case per check. `fail` is a failure, `unknown` an
//! error, `skipped` a skipped test; `warn` passes with the message in system-out.

use std::fmt::Write;

use crate::report::{Report, Status};

/// Escapes text for XML attributes and content.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters even when escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

pub(super) fn render(report: &Report) -> String {
    let summary = &report.summary;
    let mut out = String::new();
    let _ = writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    let _ = writeln!(
        out,
        "<testsuites name=\"byok-prereqs\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
        summary.total, summary.fail, summary.unknown, summary.skipped
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"byok-prereqs ({})\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
        report.verdict.as_str(),
        summary.total,
        summary.fail,
        summary.unknown,
        summary.skipped
    );
    for check in &report.checks {
        let _ = write!(
            out,
            "    <testcase classname=\"byok.{}\" name=\"{}: {}\"",
            escape(&format!("{:?}", check.category).to_ascii_lowercase()),
            escape(&check.id),
            escape(&check.title)
        );
        let message = escape(&check.message);
        let details = check
            .remediation
            .as_ref()
            .map(|remediation| escape(&remediation.summary))
            .unwrap_or_default();
        match check.status {
            Status::Pass => {
                let _ = writeln!(out, "/>");
            }
            Status::Warn => {
                let _ = writeln!(
                    out,
                    ">\n      <system-out>warning: {message}</system-out>\n    </testcase>"
                );
            }
            Status::Fail => {
                let _ = writeln!(out, ">\n      <failure message=\"{message}\" type=\"fail\">{details}</failure>\n    </testcase>");
            }
            Status::Unknown => {
                let _ = writeln!(out, ">\n      <error message=\"{message}\" type=\"unknown\">{details}</error>\n    </testcase>");
            }
            Status::Skipped => {
                let _ = writeln!(
                    out,
                    ">\n      <skipped message=\"{message}\"/>\n    </testcase>"
                );
            }
        }
    }
    let _ = writeln!(out, "  </testsuite>\n</testsuites>");
    out
}
