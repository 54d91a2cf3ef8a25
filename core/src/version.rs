//! Version strings as vendors print them, normalised onto [`semver::Version`].
//!
//! Traps this module exists for:
//!
//! - String comparison orders `2.10` before `2.9`; every comparison here is numeric, part by
//!   part (firmware `RX-2.20.0-T` is newer than `RX-2.9.0-T`).
//! - Firmware carries undocumented letters around the number: `RX-2.11.2-T`, `RP-2.11.2-T`,
//!   `RX-2.5.0-D`, and on the LC display `V2.8.46`. The letters are kept as prefix and suffix
//!   and take no part in the comparison.
//! - A leading `v` or `V`, two parts (`2.1`) or four parts (`21.0.12.1`) fail strict SemVer
//!   parsers. Two parts get a zero patch; a fourth part goes into build metadata.
//! - Azure CLI versions follow Python's PEP 440: `2.54.0b1` is a pre-release of 2.54.0 and
//!   sorts before it, `2.0.0+dev` is a local version, `az --version` appends ` *` when an
//!   update is available.
//! - Java 8 and older print `1.8.0_292`: that is Java 8 update 292, read as `8.0.292`.
//!   Java 9 and later print `17.0.15+6`, `21`, `10-ea`, and vendors add a fourth part
//!   (`11.0.14.1`). Release-train labels such as `18.9` are not Java versions; the Java reader
//!   never passes them here.
//! - The JCE provider prints a packed number: `2.27020220408` is 2.2.7 built on 2022-04-08
//!   (major, dot, one digit minor, one digit patch, one build digit, then `YYYYMMDD`).
//! - A string that cannot be read is an error that quotes it ("could not read a version from
//!   'abc'"), never a version that happens to be too old.
//!
//! Build metadata never changes the order: comparisons use [`semver::Version::cmp_precedence`].

use std::cmp::Ordering;
use std::fmt;

use semver::{BuildMetadata, Prerelease, Version};
use serde::Serialize;

/// Notation of a version string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Azure CLI (PEP 440): `2.61.0`, `2.54.0b1`, `2.0.0+dev`, `2.0.81 *`.
    AzureCli,
    /// Primus HSM firmware: `RX-2.11.2-T`, `V2.8.46`, `2.8.21`.
    Firmware,
    /// Java runtime: `1.8.0_292`, `17.0.15+6`, `21`, `10-ea`, `21.0.12.1`.
    Java,
    /// Primus Tools or JCE provider: `v2.3.7`, `2.27020220408`.
    PrimusTools,
}

/// A version read from vendor text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VendorVersion {
    pub version: Version,
    /// The text as given, trimmed.
    pub raw: String,
    /// Letters before the number, for example `RX` in `RX-2.11.2-T`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Letters after the number, for example `T` in `RX-2.11.2-T`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// Build date of a packed JCE provider version, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub build_date: Option<String>,
}

impl VendorVersion {
    /// Major.minor.patch with any pre-release, without build metadata.
    pub fn short(&self) -> String {
        let version = &self.version;
        if version.pre.is_empty() {
            format!("{}.{}.{}", version.major, version.minor, version.patch)
        } else {
            format!(
                "{}.{}.{}-{}",
                version.major, version.minor, version.patch, version.pre
            )
        }
    }
}

/// A version string that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionError {
    pub text: String,
}

impl fmt::Display for VersionError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "could not read a version from '{}'", self.text)
    }
}

impl std::error::Error for VersionError {}

/// Maximum length of version text read; longer text is reported as unreadable.
const MAX_VERSION_TEXT: usize = 200;

/// Reads a version string written in `scheme`.
///
/// ```
/// use byok_core::version::{parse_version, Scheme};
///
/// let firmware = parse_version("RX-2.11.2-T", Scheme::Firmware).unwrap();
/// assert_eq!(firmware.short(), "2.11.2");
/// assert_eq!(parse_version("1.8.0_292", Scheme::Java).unwrap().version.major, 8);
/// assert_eq!(parse_version("2.27020220408", Scheme::PrimusTools).unwrap().short(), "2.2.7");
/// assert!(parse_version("latest", Scheme::AzureCli).is_err());
/// ```
pub fn parse_version(text: &str, scheme: Scheme) -> Result<VendorVersion, VersionError> {
    let raw = text.trim();
    let error = || VersionError {
        text: raw.chars().take(MAX_VERSION_TEXT).collect(),
    };
    if raw.is_empty() || raw.len() > MAX_VERSION_TEXT {
        return Err(error());
    }
    let cleaned = raw
        .trim_matches(|c: char| c == '"' || c == '\'' || c == '`')
        .trim();
    let parsed = match scheme {
        Scheme::AzureCli => parse_azure_cli(cleaned),
        Scheme::Firmware => parse_firmware(cleaned),
        Scheme::Java => parse_java(cleaned),
        Scheme::PrimusTools => parse_primus_tools(cleaned),
    };
    let mut version = parsed.ok_or_else(error)?;
    version.raw = raw.to_owned();
    Ok(version)
}

fn plain(version: Version) -> VendorVersion {
    VendorVersion {
        version,
        raw: String::new(),
        prefix: None,
        suffix: None,
        build_date: None,
    }
}

/// Reads `1`, `1.2`, `1.2.3` or `1.2.3.4` (digits only) into a version; a fourth part becomes
/// build metadata.
fn parse_dotted(text: &str) -> Option<Version> {
    let mut numbers = [0u64; 3];
    let mut extra: Option<&str> = None;
    let mut count = 0;
    for part in text.split('.') {
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) || part.len() > 18 {
            return None;
        }
        match count {
            0..=2 => numbers[count] = part.parse().ok()?,
            3 => extra = Some(part),
            _ => return None,
        }
        count += 1;
    }
    if count == 0 {
        return None;
    }
    let mut version = Version::new(numbers[0], numbers[1], numbers[2]);
    if let Some(extra) = extra {
        version.build = BuildMetadata::new(extra).ok()?;
    }
    Some(version)
}

/// Splits `2.54.0b1` into the dotted number and the rest (`b1`).
fn split_number(text: &str) -> (&str, &str) {
    let end = text
        .char_indices()
        .find(|&(index, c)| {
            !(c.is_ascii_digit()
                || (c == '.'
                    && text[index + 1..]
                        .chars()
                        .next()
                        .is_some_and(|next| next.is_ascii_digit())))
        })
        .map_or(text.len(), |(index, _)| index);
    (&text[..end], &text[end..])
}

fn strip_v(text: &str) -> &str {
    match text.strip_prefix(['v', 'V']) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
        _ => text,
    }
}

fn identifier(text: &str) -> Option<String> {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '.' })
        .collect();
    let cleaned = cleaned.trim_matches('.').to_owned();
    let parts: Vec<&str> = cleaned.split('.').filter(|part| !part.is_empty()).collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.join("."))
    }
}

fn parse_azure_cli(text: &str) -> Option<VendorVersion> {
    let text = strip_v(text.trim_end_matches('*').trim());
    let (local, rest_local) = match text.split_once('+') {
        Some((head, local)) => (head, Some(local)),
        None => (text, None),
    };
    let (number, rest) = split_number(local);
    let mut version = parse_dotted(number)?;
    let rest = rest.trim_start_matches(['.', '-', '_']);
    if !rest.is_empty() {
        // PEP 440 pre-releases (a, b, rc) sort before the release; dev releases too.
        let lower = rest.to_ascii_lowercase();
        if lower.starts_with("post") {
            version.build = BuildMetadata::new(&identifier(rest)?).ok()?;
        } else if [
            "a", "b", "c", "rc", "alpha", "beta", "pre", "preview", "dev",
        ]
        .iter()
        .any(|tag| lower.starts_with(tag))
        {
            version.pre = Prerelease::new(&identifier(&lower)?).ok()?;
        } else {
            return None;
        }
    }
    if let Some(local) = rest_local {
        version.build = BuildMetadata::new(&identifier(local)?).ok()?;
    }
    Some(plain(version))
}

fn parse_firmware(text: &str) -> Option<VendorVersion> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let prefix = text[..start].trim_end_matches(['-', ' ', '_']);
    if !prefix.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let (number, rest) = split_number(&text[start..]);
    if !number.contains('.') {
        return None;
    }
    let version = parse_dotted(number)?;
    let suffix = rest.trim_start_matches(['-', ' ', '_']).trim();
    if !suffix.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut parsed = plain(version);
    parsed.prefix = (!prefix.is_empty()).then(|| prefix.to_owned());
    parsed.suffix = (!suffix.is_empty()).then(|| suffix.to_owned());
    Some(parsed)
}

fn parse_java(text: &str) -> Option<VendorVersion> {
    let (head, build) = match text.split_once('+') {
        Some((head, build)) => (head, Some(build)),
        None => (text, None),
    };
    let (head, pre) = match head.split_once('-') {
        Some((head, pre)) => (head, Some(pre)),
        None => (head, None),
    };
    // Java 8 and older: 1.<major>.0_<update>.
    let mut version = if let Some(rest) = head.strip_prefix("1.") {
        let (numbers, update) = match rest.split_once('_') {
            Some((numbers, update)) => (numbers, Some(update)),
            None => (rest, None),
        };
        let old = parse_dotted(numbers)?;
        let update = match update {
            Some(update) if update.bytes().all(|b| b.is_ascii_digit()) && !update.is_empty() => {
                update.parse().ok()?
            }
            Some(_) => return None,
            None => old.patch,
        };
        if old.major == 0 || old.major > 8 {
            return None;
        }
        Version::new(old.major, 0, update)
    } else {
        parse_dotted(head)?
    };
    if version.major == 0 {
        return None;
    }
    if let Some(pre) = pre {
        version.pre = Prerelease::new(&identifier(pre)?).ok()?;
    }
    if let Some(build) = build {
        let joined = match version.build.is_empty() {
            true => identifier(build)?,
            false => format!("{}.{}", version.build, identifier(build)?),
        };
        version.build = BuildMetadata::new(&joined).ok()?;
    }
    Some(plain(version))
}

fn parse_primus_tools(text: &str) -> Option<VendorVersion> {
    let text = strip_v(text);
    if let Some(packed) = parse_packed_provider(text) {
        return Some(packed);
    }
    let (number, rest) = split_number(text);
    if !rest.trim().is_empty() && !rest.starts_with(['-', ' ']) {
        return None;
    }
    let version = parse_dotted(number)?;
    Some(plain(version))
}

/// Reads the JCE provider's packed form `2.27020220408`: 2.2.7 built 2022-04-08.
fn parse_packed_provider(text: &str) -> Option<VendorVersion> {
    let (major, packed) = text.split_once('.')?;
    if packed.len() != 11 || !packed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let major: u64 = major.parse().ok()?;
    let digit = |index: usize| u64::from(packed.as_bytes()[index] - b'0');
    let (year, month, day) = (&packed[3..7], &packed[7..9], &packed[9..11]);
    let month_number: u32 = month.parse().ok()?;
    let day_number: u32 = day.parse().ok()?;
    if !(1..=12).contains(&month_number) || !(1..=31).contains(&day_number) {
        return None;
    }
    let mut version = Version::new(major, digit(0), digit(1));
    version.build = BuildMetadata::new(&format!("{}.{year}{month}{day}", digit(2))).ok()?;
    let mut parsed = plain(version);
    parsed.build_date = Some(format!("{year}-{month}-{day}"));
    Some(parsed)
}

/// A half-open range of versions: at least `min` (inclusive) and below `below` (exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionRange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Version>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub below: Option<Version>,
}

impl VersionRange {
    pub fn contains(&self, version: &Version) -> bool {
        let above_min = self
            .min
            .as_ref()
            .is_none_or(|min| version.cmp_precedence(min) != Ordering::Less);
        let under_max = self
            .below
            .as_ref()
            .is_none_or(|below| version.cmp_precedence(below) == Ordering::Less);
        above_min && under_max
    }
}

impl fmt::Display for VersionRange {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.min, &self.below) {
            (Some(min), None) => write!(formatter, "{min} or later"),
            (None, Some(below)) => write!(formatter, "before {below}"),
            (Some(min), Some(below)) => write!(formatter, "{min} or later but before {below}"),
            (None, None) => formatter.write_str("any version"),
        }
    }
}

/// A set of versions: the union of its ranges, so a vendor's "this one release is broken"
/// can be written as two ranges around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionSet {
    pub ranges: Vec<VersionRange>,
}

impl VersionSet {
    /// Returns the set of all versions at or above `major.minor.patch`.
    pub fn at_least(major: u64, minor: u64, patch: u64) -> VersionSet {
        VersionSet {
            ranges: vec![VersionRange {
                min: Some(Version::new(major, minor, patch)),
                below: None,
            }],
        }
    }

    /// Removes the versions in `[min, below)` from the set.
    pub fn excluding(self, min: Version, below: Version) -> VersionSet {
        let mut ranges = Vec::new();
        for range in self.ranges {
            let lower_part = VersionRange {
                min: range.min.clone(),
                below: Some(min.clone()),
            };
            let upper_part = VersionRange {
                min: Some(below.clone()),
                below: range.below.clone(),
            };
            for part in [lower_part, upper_part] {
                let clipped = VersionRange {
                    min: max_bound(part.min, range.min.clone()),
                    below: min_bound(part.below, range.below.clone()),
                };
                let empty = matches!((&clipped.min, &clipped.below), (Some(low), Some(high)) if low.cmp_precedence(high) != Ordering::Less);
                if !empty {
                    ranges.push(clipped);
                }
            }
        }
        VersionSet { ranges }
    }

    pub fn contains(&self, version: &Version) -> bool {
        self.ranges.iter().any(|range| range.contains(version))
    }
}

fn max_bound(a: Option<Version>, b: Option<Version>) -> Option<Version> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if a.cmp_precedence(&b) == Ordering::Less {
            b
        } else {
            a
        }),
        (a, b) => a.or(b),
    }
}

fn min_bound(a: Option<Version>, b: Option<Version>) -> Option<Version> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if a.cmp_precedence(&b) == Ordering::Less {
            a
        } else {
            b
        }),
        (a, b) => a.or(b),
    }
}

impl fmt::Display for VersionSet {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ranges.is_empty() {
            return formatter.write_str("no version");
        }
        for (index, range) in self.ranges.iter().enumerate() {
            if index > 0 {
                formatter.write_str(", or ")?;
            }
            write!(formatter, "{range}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short(text: &str, scheme: Scheme) -> String {
        match parse_version(text, scheme) {
            Ok(version) => version.short(),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn firmware_strings_from_devices() {
        let cases = [
            ("RX-2.5.0-D", "2.5.0"),
            ("RX-2.8.46", "2.8.46"),
            ("RX-2.9.0-T", "2.9.0"),
            ("RX-2.11.2-T", "2.11.2"),
            ("RP-2.11.2-T", "2.11.2"),
            ("RX-2.20.0-T", "2.20.0"),
            ("RX-3.2.3-T", "3.2.3"),
            ("V2.8.43", "2.8.43"),
            ("v2.8.21", "2.8.21"),
            ("2.8", "2.8.0"),
        ];
        for (text, expected) in cases {
            assert_eq!(short(text, Scheme::Firmware), expected, "{text}");
        }
    }

    #[test]
    fn firmware_prefix_and_suffix_kept() {
        let version = parse_version("RX-2.11.2-T", Scheme::Firmware).unwrap();
        assert_eq!(version.prefix.as_deref(), Some("RX"));
        assert_eq!(version.suffix.as_deref(), Some("T"));
        assert_eq!(version.raw, "RX-2.11.2-T");
    }

    #[test]
    fn firmware_compares_numerically() {
        let newer = parse_version("RX-2.20.0-T", Scheme::Firmware).unwrap();
        let older = parse_version("RX-2.9.0-T", Scheme::Firmware).unwrap();
        assert_eq!(
            newer.version.cmp_precedence(&older.version),
            Ordering::Greater
        );
        let minimum = VersionSet::at_least(2, 8, 21);
        assert!(minimum.contains(&parse_version("V2.8.46", Scheme::Firmware).unwrap().version));
        assert!(!minimum.contains(&parse_version("RX-2.8.9", Scheme::Firmware).unwrap().version));
    }

    #[test]
    fn azure_cli_pep440_forms() {
        let cases = [
            ("2.61.0", "2.61.0"),
            ("2.0.81 *", "2.0.81"),
            ("2.54.0b1", "2.54.0-b1"),
            ("2.1.0rc1", "2.1.0-rc1"),
            ("2.0.0+dev", "2.0.0"),
            ("v2.12.0", "2.12.0"),
            ("2.1", "2.1.0"),
        ];
        for (text, expected) in cases {
            assert_eq!(short(text, Scheme::AzureCli), expected, "{text}");
        }
        let preview = parse_version("2.19.0b1", Scheme::AzureCli).unwrap();
        assert!(!VersionSet::at_least(2, 19, 0).contains(&preview.version));
        let local = parse_version("2.0.0+dev", Scheme::AzureCli).unwrap();
        assert_eq!(local.version.build.as_str(), "dev");
    }

    #[test]
    fn java_forms() {
        let cases = [
            ("1.8.0_292", "8.0.292"),
            ("1.8.0", "8.0.0"),
            ("1.7.0_80", "7.0.80"),
            ("17.0.15+6", "17.0.15"),
            ("21", "21.0.0"),
            ("10-ea", "10.0.0-ea"),
            ("18.0.2-ea", "18.0.2-ea"),
            ("21.0.12.1", "21.0.12"),
            ("11.0.14.1", "11.0.14"),
        ];
        for (text, expected) in cases {
            assert_eq!(short(text, Scheme::Java), expected, "{text}");
        }
    }

    #[test]
    fn primus_tools_packed_provider() {
        let packed = parse_version("2.27020220408", Scheme::PrimusTools).unwrap();
        assert_eq!(packed.short(), "2.2.7");
        assert_eq!(packed.build_date.as_deref(), Some("2022-04-08"));
        let newer = parse_version("2.41020240122", Scheme::PrimusTools).unwrap();
        assert_eq!(newer.short(), "2.4.1");
        assert_eq!(newer.build_date.as_deref(), Some("2024-01-22"));
        assert_eq!(short("v2.3.7", Scheme::PrimusTools), "2.3.7");
    }

    #[test]
    fn unreadable_versions_quote_text() {
        for text in ["", "latest", "2.x", "RX-abc", "..", "2.3.4.5.6", "١.٢.٣"] {
            for scheme in [
                Scheme::AzureCli,
                Scheme::Firmware,
                Scheme::Java,
                Scheme::PrimusTools,
            ] {
                let error = parse_version(text, scheme).unwrap_err();
                assert_eq!(
                    error.to_string(),
                    format!("could not read a version from '{}'", text.trim())
                );
            }
        }
    }

    #[test]
    fn java_one_dot_nine_is_not_java_nine() {
        // Only Java 8 and older use the 1.x form.
        assert!(parse_version("1.9.0_1", Scheme::Java).is_err());
    }

    #[test]
    fn version_set_excludes_broken_release() {
        let set =
            VersionSet::at_least(2, 3, 7).excluding(Version::new(2, 4, 0), Version::new(2, 4, 1));
        assert!(set.contains(&Version::new(2, 3, 9)));
        assert!(!set.contains(&Version::new(2, 4, 0)));
        assert!(set.contains(&Version::new(2, 4, 1)));
        assert!(!set.contains(&Version::new(2, 3, 6)));
        assert_eq!(
            set.to_string(),
            "2.3.7 or later but before 2.4.0, or 2.4.1 or later"
        );
    }
}
