//! Java from `java -version` or `java --version`: version as printed, and vendor.
//!
//! Traps: Java 8 prints `1.8.0_292`. The runtime and VM lines carry other numbers: VM builds
//! (`build 25.321-b07`, `build 11.0-b16` on Java 6), IBM service refreshes (`build 8.0.5.27`),
//! release-train labels (`18.9`, `18.3`) and vendor versions (`GraalVM CE 21.3.0`,
//! `Corretto-21.0.12.9.1`). Only the first line (`java version "..."`, `openjdk 21.0.5 ...`)
//! gives the Java version; the runtime line's `(build ...)` is read only when the first line
//! is missing. `javac` prints the compiler's version, which is not read.

use std::collections::HashSet;

use super::{invalid_input, lines_containing, Input};
use crate::error::Error;
use crate::facts::{source, Fact, Facts};
use crate::parse::{InputKind, Parsed};
use crate::version::{parse_version, Scheme};

/// Phrases, in several languages, that a shell prints when a command does not exist.
const NOT_FOUND_PHRASES: [&str; 30] = [
    "not recognized as an internal or external command",
    "is not recognized as the name of a cmdlet",
    "command not found",
    "no such file or directory",
    "not found",
    "unable to locate a java runtime",
    "no java runtime present",
    "wird nicht als interner oder externer befehl",
    "nicht gefunden",
    "n'est pas reconnu en tant que commande interne",
    "introuvable",
    "no se reconoce como un comando interno",
    "no se encontró",
    "non è riconosciuto come comando interno",
    "non trovato",
    "não é reconhecido como um comando interno",
    "não encontrado",
    "wordt niet herkend als een interne",
    "не является внутренней или внешней",
    "команда не найдена",
    "不是内部或外部命令",
    "未找到命令",
    "内部コマンドまたは外部コマンド",
    "認識されていません",
    "nicht als name eines cmdlet",
    "nie jest rozpoznawany jako polecenie",
    "känns inte igen som ett internt",
    "내부 또는 외부 명령",
    "iç ya da dış komut",
    "nem ismeri fel a rendszer",
];

/// Most versions a message lists.
const MAX_LISTED: usize = 5;

/// One `java -version` run: its version line and the runtime line after it.
struct Run {
    version: String,
    vendor: Option<String>,
    /// True when the version came from the runtime line's `(build ...)`.
    from_runtime_line: bool,
}

pub(super) fn looks_like(cleaned: &str) -> bool {
    !find_runs(cleaned).is_empty() || java_missing(cleaned)
}

pub(super) fn read(input: &Input) -> Result<Parsed, Error> {
    let runs = find_runs(input.cleaned);
    let mut facts = Facts::default();
    let mut warnings = Vec::new();
    let tools = &mut facts.tools;

    let Some(last) = runs.last() else {
        if java_missing(input.cleaned) {
            tools.java_present = Some(Fact::new(false, source::JAVA_VERSION));
            return Ok(Parsed {
                kind: InputKind::JavaVersion,
                label: "java -version output: Java was not found".to_owned(),
                facts,
                warnings,
            });
        }
        return Err(invalid_input(
            input,
            "java -version",
            "a line such as `openjdk version \"17.0.15\" 2025-04-15` or `java version \"1.8.0_292\"`",
        ));
    };

    tools.java_present = Some(Fact::new(true, source::JAVA_VERSION));
    let mut seen = HashSet::new();
    let versions: Vec<&str> = runs
        .iter()
        .map(|run| run.version.as_str())
        .filter(|version| seen.insert(*version))
        .collect();
    if versions.len() > 1 {
        let listed: Vec<&str> = versions.iter().copied().take(MAX_LISTED).collect();
        let more = if versions.len() > MAX_LISTED {
            ", ..."
        } else {
            ""
        };
        let reason = format!(
            "this text shows {} Java runtimes with different versions ({}{more}); it does not show which one runs Primus Tools. Run `java -version` once, in the shell that runs Primus Tools, and paste only its output.",
            versions.len(),
            listed.join(", ")
        );
        warnings.push(format!("Java version not read: {reason}"));
        facts
            .unavailable
            .insert("tools.java_version".to_owned(), reason);
        return Ok(Parsed {
            kind: InputKind::JavaVersion,
            label: format!(
                "java -version output of {} different Java runtimes",
                versions.len()
            ),
            facts,
            warnings,
        });
    }

    tools.java_version = Some(Fact::new(last.version.clone(), source::JAVA_VERSION));
    if let Some(vendor) = runs.iter().rev().find_map(|run| run.vendor.clone()) {
        tools.java_vendor = Some(Fact::new(vendor, source::JAVA_VERSION));
    }
    if last.from_runtime_line {
        warnings.push(
            "The `java version` line is missing; the version was read from the runtime line's build number.".to_owned(),
        );
    }
    if let Err(error) = parse_version(&last.version, Scheme::Java) {
        warnings.push(format!("{error}; the Java check will be unknown."));
    }
    let vendor = tools
        .java_vendor
        .as_ref()
        .map(|fact| format!(" ({})", fact.value))
        .unwrap_or_default();
    Ok(Parsed {
        kind: InputKind::JavaVersion,
        label: format!("java -version output: Java {}{vendor}", last.version),
        facts,
        warnings,
    })
}

fn java_missing(cleaned: &str) -> bool {
    let java_lines: Vec<usize> = lines_containing(cleaned, &["java", "Java", "JAVA"])
        .into_iter()
        .map(|(number, _)| number)
        .collect();
    let Some(&last) = java_lines.last() else {
        return false;
    };
    // Shells wrap the message, so the phrase may sit on the line after the one naming java
    // ("Der Befehl "java" ist entweder falsch geschrieben oder / konnte nicht gefunden werden.").
    let mut previous = "";
    for (number, line) in cleaned.lines().enumerate().take(last + 2) {
        let names_java = java_lines.binary_search(&number).is_ok();
        let follows_java = number > 0 && java_lines.binary_search(&(number - 1)).is_ok();
        if names_java || follows_java {
            let joined = if follows_java {
                format!("{previous} {line}")
            } else {
                line.to_owned()
            };
            let lower = joined.to_lowercase();
            if lower.contains("java")
                && NOT_FOUND_PHRASES
                    .iter()
                    .any(|phrase| lower.contains(phrase))
            {
                return true;
            }
        }
        previous = line;
    }
    false
}

/// Finds each run: a version line, plus the vendor from the lines after it. A runtime line
/// with no version line before it makes a run of its own.
fn find_runs(cleaned: &str) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    // Line number of the current run's version line: its runtime and VM lines follow closely.
    let mut version_line_number: Option<usize> = None;
    let markers = ["version", "Runtime", " VM", "openjdk", "java "];
    for (number, line) in lines_containing(cleaned, &markers) {
        if let Some(version) = version_line(line) {
            runs.push(Run {
                version: version.to_owned(),
                vendor: None,
                from_runtime_line: false,
            });
            version_line_number = Some(number);
            continue;
        }
        let lines_since_version =
            version_line_number.map_or(usize::MAX, |start| number.saturating_sub(start));
        let is_runtime =
            line.contains("Runtime Environment") || line.contains("Runtime Open Edition");
        let is_vm = line.contains(" VM ") || line.contains(" VM(") || line.ends_with(" VM");
        if !(is_runtime || is_vm) {
            continue;
        }
        match runs.last_mut() {
            Some(run) if lines_since_version <= 3 => {
                if let Some(vendor) = vendor_of(line) {
                    // IBM J9 prints Oracle's runtime line and names itself on the VM line, so a
                    // specific vendor replaces the generic `Oracle` or `OpenJDK`.
                    let generic = |name: &str| name == "Oracle" || name == "OpenJDK";
                    let replace = match run.vendor.as_deref() {
                        None => true,
                        Some(known) => generic(known) && !generic(&vendor),
                    };
                    if replace {
                        run.vendor = Some(vendor);
                    }
                }
            }
            _ if is_runtime => {
                if let Some(version) = runtime_build(line) {
                    runs.push(Run {
                        version: version.to_owned(),
                        vendor: vendor_of(line),
                        from_runtime_line: true,
                    });
                    version_line_number = Some(number);
                }
            }
            _ => {}
        }
    }
    runs
}

/// Reads the first line of `java -version` (`java version "1.8.0_292"`, `openjdk version
/// "21.0.3" 2024-04-16 LTS`) or of `java --version` (`openjdk 21.0.5 2024-10-15 LTS`).
fn version_line(line: &str) -> Option<&str> {
    // `java -version` form, possibly after a prefix such as `jenkins: invalid Java version:`.
    for marker in ["openjdk version \"", "java version \""] {
        let Some(position) = find_ascii_case_insensitive(line, marker) else {
            continue;
        };
        // `javac version "..."` does not exist, but `xjava version` must not match either.
        let before = line.get(..position).unwrap_or("");
        if before.ends_with(|c: char| c.is_ascii_alphanumeric()) {
            continue;
        }
        let rest = line.get(position + marker.len()..)?;
        let version = rest.split('"').next()?;
        if version.starts_with(|c: char| c.is_ascii_digit()) && version.len() <= 40 {
            return Some(version);
        }
    }
    // `java --version` form: the line starts with `openjdk` or `java`, then the version, then
    // a release date or nothing.
    let mut words = line.split_whitespace();
    let first = words.next()?;
    if !(first == "openjdk" || first == "java") {
        return None;
    }
    let version = words.next()?;
    if !version.starts_with(|c: char| c.is_ascii_digit()) || version.len() > 40 {
        return None;
    }
    match words.next() {
        None => Some(version),
        Some(date) if is_date(date) => Some(version),
        _ => None,
    }
}

fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.get(4) == Some(&b'-')
        && bytes.get(7) == Some(&b'-')
        && text
            .bytes()
            .enumerate()
            .all(|(index, byte)| index == 4 || index == 7 || byte.is_ascii_digit())
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

/// Reads `(build 21.0.4+7-LTS)` from a runtime line, when it is a Java version.
fn runtime_build(line: &str) -> Option<&str> {
    let rest = line.split("(build ").nth(1)?;
    let build = rest.split([')', ',', ' ']).next()?;
    // `1.8.0_322-b06` is Java 8; `21.0.4+7-LTS` is Java 21. IBM's `8.0.5.27` is a service
    // refresh number and has no `+`, so only the `1.x` and `+build` forms are read.
    let version = build.split('+').next()?;
    let is_old_form = version.starts_with("1.") && version.contains('_');
    if !(is_old_form || build.contains('+')) {
        return None;
    }
    let version = if is_old_form {
        version.split('-').next()?
    } else {
        version
    };
    parse_version(version, Scheme::Java).ok().map(|_| version)
}

/// Names the runtime's vendor or distribution from its runtime or VM line.
fn vendor_of(line: &str) -> Option<String> {
    const VENDORS: [(&str, &str); 14] = [
        ("Semeru", "IBM Semeru"),
        ("IBM J9", "IBM"),
        ("Temurin", "Eclipse Temurin"),
        ("AdoptOpenJDK", "AdoptOpenJDK"),
        ("Zulu", "Azul Zulu"),
        ("Corretto", "Amazon Corretto"),
        ("Microsoft", "Microsoft"),
        ("GraalVM", "GraalVM"),
        ("Red_Hat", "Red Hat"),
        ("Ubuntu", "Ubuntu"),
        ("Debian", "Debian"),
        ("SapMachine", "SAP"),
        ("OpenJ9", "Eclipse OpenJ9"),
        ("Java HotSpot", "Oracle"),
    ];
    for (mark, vendor) in VENDORS {
        if line.contains(mark) {
            return Some(vendor.to_owned());
        }
    }
    if line.contains("Java(TM) SE Runtime Environment") {
        // IBM J9 runtimes print the same runtime line; their VM line corrects it.
        return Some("Oracle".to_owned());
    }
    if line.contains("OpenJDK") {
        return Some("OpenJDK".to_owned());
    }
    None
}
