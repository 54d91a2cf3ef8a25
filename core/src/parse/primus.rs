//! Primus HSM and Primus Tools output: device information (`GetDeviceInfo`, the JCE sample
//! programs, the LC display, `hsm_diagnostics fw`, the JCE provider jar check), `ListKeyFlags`
//! and the usage text of a command.

use super::{invalid_input, lines_containing, shorten, Input};
use crate::error::Error;
use crate::facts::{source, Fact, Facts};
use crate::parse::{InputKind, Parsed};
use crate::version::{parse_version, Scheme};

/// Partition flags that `GetDeviceInfo` lists for Key Export and Key Extract.
const EXPORT_FLAG: &str = "EXPORT";
const EXTRACT_FLAG: &str = "EXTRACT";

#[derive(Default)]
struct DeviceInfo {
    facts: Facts,
    model: Option<String>,
    serial: Option<String>,
    provider_name: Option<String>,
    signature: Option<String>,
    example_values: bool,
    /// Set once a second firmware version was seen, so the warning is given once.
    several_firmware: bool,
    warnings: Vec<String>,
}

impl DeviceInfo {
    fn found_anything(&self) -> bool {
        !self.facts.hsm.is_empty() || !self.facts.tools.is_empty()
    }

    fn set_firmware(&mut self, firmware: &str, source: &str) {
        if let Some(existing) = &self.facts.hsm.firmware {
            if existing.value != firmware && !self.several_firmware {
                self.several_firmware = true;
                self.warnings.push(format!(
                    "This text shows more than one firmware version ({} and {}); the first one was used.",
                    existing.value,
                    shorten(firmware, 40)
                ));
            }
            return;
        }
        self.facts.hsm.firmware = Some(Fact::new(firmware.to_owned(), source));
    }

    fn set_device_name(&mut self, name: &str, source: &str) {
        let name = name.trim().trim_matches('"');
        if !name.is_empty() && self.facts.hsm.device_name.is_none() {
            self.facts.hsm.device_name = Some(Fact::new(shorten(name, 64), source));
        }
    }
}

pub(super) fn looks_like_device_info(cleaned: &str) -> bool {
    read_device_lines(cleaned).found_anything()
}

pub(super) fn read_device_info(input: &Input) -> Result<Parsed, Error> {
    let info = read_device_lines(input.cleaned);
    if !info.found_anything() {
        return Err(invalid_input(
            input,
            "Primus device information",
            "a line such as `Device version info: RX-2.11.2-T`, `Provider version: 2.27020220408`, `Firmware version: RX-2.8.46` or `PRIMUS-HSM-X V2.8.46`",
        ));
    }
    let DeviceInfo {
        mut facts,
        model,
        serial,
        provider_name,
        signature,
        example_values,
        mut warnings,
        ..
    } = info;

    let mut label = "Primus HSM device information".to_owned();
    let mut details = Vec::new();
    if let Some(model) = &model {
        details.push(format!("model {model}"));
    }
    if let Some(name) = &facts.hsm.device_name {
        details.push(format!("device {}", name.value));
    }
    if let Some(serial) = &serial {
        details.push(format!("serial number {serial}"));
    }
    if let Some(firmware) = &facts.hsm.firmware {
        details.push(format!("firmware {}", firmware.value));
    }
    if let Some(provider) = &facts.tools.primus_tools_version {
        let decoded = parse_version(&provider.value, Scheme::PrimusTools)
            .ok()
            .map(|version| match &version.build_date {
                Some(date) => format!(" ({} of {date})", version.short()),
                None => String::new(),
            })
            .unwrap_or_default();
        let name = provider_name
            .as_deref()
            .map(|name| format!(" {name}"))
            .unwrap_or_default();
        details.push(format!("JCE provider{name} {}{decoded}", provider.value));
    }
    if let Some(signature) = &signature {
        details.push(format!("jar signature {signature}"));
    }
    if let Some(partition) = &facts.hsm.partition {
        details.push(format!("partition {}", partition.value));
    }
    // Key Export and Key Extract come from the EXPORT and EXTRACT partition flags.
    let flag = |fact: &Option<Fact<bool>>| {
        fact.as_ref()
            .map(|fact| if fact.value { "set" } else { "not set" })
    };
    if let (Some(export), Some(extract)) =
        (flag(&facts.hsm.key_export), flag(&facts.hsm.key_extract))
    {
        details.push(format!(
            "Partition Flags EXPORT {export}, EXTRACT {extract}"
        ));
    }
    if !details.is_empty() {
        label.push_str(": ");
        label.push_str(&details.join(", "));
    }
    if example_values {
        // The checks decide nothing on example values, so mark every fact read from them.
        for fact in [&mut facts.hsm.firmware, &mut facts.hsm.device_name]
            .into_iter()
            .flatten()
        {
            fact.source = crate::facts::source::EXAMPLE.to_owned();
        }
        warnings.push(
            "These values are examples in sample-code comments (\"e.g.\"), not read from a device; run `java -jar primus-tools.jar GetDeviceInfo <connection>` against your HSM.".to_owned(),
        );
    }
    if let Some(firmware) = &facts.hsm.firmware {
        if let Err(error) = parse_version(&firmware.value, Scheme::Firmware) {
            warnings.push(format!("{error}; the firmware check will be unknown."));
        }
    }
    Ok(Parsed {
        kind: InputKind::PrimusDeviceInfo,
        label,
        facts,
        warnings,
    })
}

/// Splits `Key: value` at the first colon; the key is lower-cased with spaces collapsed.
fn key_value(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    // Keys are a few words; a long or non-alphabetic start is a log line, not a key.
    if key.len() > 40
        || !key
            .trim_start()
            .starts_with(|c: char| c.is_ascii_alphabetic())
    {
        return None;
    }
    let key = key
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    Some((key, value.trim()))
}

/// Returns the first firmware token on a line: `RX-2.11.2-T`, `RP-2.11.2-T`, `V2.8.46`.
fn firmware_token(text: &str) -> Option<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '"' | '\'' | '(' | ')' | ';' | '|'))
        .find(|token| {
            let digits = token.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '-');
            let parts = digits
                .split(['.', '-'])
                .take_while(|part| part.bytes().all(|b| b.is_ascii_digit()) && !part.is_empty())
                .count();
            parts >= 3
                && token.len() <= 40
                && token.starts_with(|c: char| c == 'V' || c == 'v' || c.is_ascii_uppercase())
                && parse_version(token, Scheme::Firmware).is_ok()
        })
}

/// Parts of the words that mark the lines [`read_device_lines`] reads: `Device name`,
/// `HSM Device Info`, `Device version info`, `Provider version`, `Firmware version`,
/// `getVersionInfo()`, `Partition Flags`, `Primus JCE provider`, `PRIMUS-HSM-X`. Other lines
/// are not looked at; fewer markers mean fewer passes over a large paste.
const DEVICE_MARKERS: [&str; 6] = ["evice", "ersion", "irmware", "Partition", "rimus", "RIMUS"];

fn read_device_lines(cleaned: &str) -> DeviceInfo {
    let mut info = DeviceInfo::default();
    for (_, line) in lines_containing(cleaned, &DEVICE_MARKERS) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let example = trimmed.contains("e.g.");

        // Java sample code: `PrimusDevice.getVersionInfo(); // e.g. "RX-2.5.0-D"`.
        if trimmed.contains("getVersionInfo()") || trimmed.contains("getDeviceName()") {
            let comment = trimmed.split("//").nth(1).unwrap_or("");
            let quoted = comment.split('"').nth(1).unwrap_or("");
            if !quoted.is_empty() {
                if trimmed.contains("getVersionInfo()") {
                    if let Some(firmware) = firmware_token(quoted) {
                        info.set_firmware(firmware, source::GET_DEVICE_INFO);
                    }
                } else {
                    info.set_device_name(quoted, source::GET_DEVICE_INFO);
                }
                info.example_values |= example;
            }
            continue;
        }

        // `Primus JCE provider: SecurosysPrimusXSeries version 2.41020240122: verified`.
        if let Some(rest) = trimmed.strip_prefix("Primus JCE provider:") {
            let mut words = rest.split_whitespace();
            if let Some(name) = words.next() {
                info.provider_name = Some(shorten(name, 64));
            }
            if words.next() == Some("version") {
                if let Some(version) = words.next() {
                    let version = version.trim_end_matches(':');
                    if parse_version(version, Scheme::PrimusTools).is_ok() {
                        info.facts.tools.primus_tools_version =
                            Some(Fact::new(version.to_owned(), source::JCE_PROVIDER));
                    }
                }
            }
            if let Some((_, status)) = rest.rsplit_once(':') {
                let status = status.trim();
                if !status.is_empty() {
                    info.signature = Some(shorten(status, 40));
                }
            }
            continue;
        }

        if let Some((key, value)) = key_value(trimmed) {
            match key.as_str() {
                "device name" | "hsm device name" => {
                    info.set_device_name(value, source::GET_DEVICE_INFO);
                    continue;
                }
                "device version info" | "hsm version info" | "hsm device info" => {
                    if let Some(firmware) = firmware_token(value) {
                        info.set_firmware(firmware, source::GET_DEVICE_INFO);
                    }
                    continue;
                }
                "firmware version" | "firmware" => {
                    if let Some(firmware) = firmware_token(value) {
                        info.set_firmware(firmware, source::HSM_CONSOLE);
                    }
                    continue;
                }
                "provider version" => {
                    if let Some(version) = value.split_whitespace().next() {
                        if parse_version(version, Scheme::PrimusTools).is_ok() {
                            info.facts.tools.primus_tools_version =
                                Some(Fact::new(version.to_owned(), source::GET_DEVICE_INFO));
                        }
                    }
                    continue;
                }
                "partition user" | "hsm partition/user name" | "partition/user name" => {
                    let user = value.trim();
                    if !user.is_empty() && info.facts.hsm.partition.is_none() {
                        info.facts.hsm.partition =
                            Some(Fact::new(shorten(user, 64), source::GET_DEVICE_INFO));
                    }
                    continue;
                }
                "partition flags" => {
                    let flags: Vec<&str> = value
                        .trim_matches(|c| c == '[' || c == ']')
                        .split(',')
                        .map(str::trim)
                        .collect();
                    let has =
                        |flag: &str| flags.iter().any(|known| known.eq_ignore_ascii_case(flag));
                    info.facts.hsm.key_export =
                        Some(Fact::new(has(EXPORT_FLAG), source::GET_DEVICE_INFO));
                    info.facts.hsm.key_extract =
                        Some(Fact::new(has(EXTRACT_FLAG), source::GET_DEVICE_INFO));
                    continue;
                }
                _ => {}
            }
        }

        // The LC display shows the model and firmware under `SECUROSYS`: `PRIMUS-HSM-X
        // V2.8.46`. Inventory tables print the same: `HSM Primus X 18376142 V2.8.43`.
        if let Some(firmware) = firmware_token(trimmed) {
            read_model_line(&mut info, trimmed, firmware);
        }
    }
    info
}

/// Reads the model and serial number before the firmware on an LC display or table line.
fn read_model_line(info: &mut DeviceInfo, line: &str, firmware: &str) {
    info.set_firmware(firmware, source::LC_DISPLAY);
    let before = line.split(firmware).next().unwrap_or("");
    let start = before.to_ascii_uppercase().find("PRIMUS").unwrap_or(0);
    let mut model_words = Vec::new();
    for word in before.get(start..).unwrap_or("").split_whitespace() {
        let word = word.trim_matches(|c: char| c == '|' || c == ',');
        if word.bytes().all(|byte| byte.is_ascii_digit()) && word.len() >= 6 {
            info.serial = Some(word.to_owned());
        } else if !word.is_empty() {
            model_words.push(word);
        }
    }
    if !model_words.is_empty() && info.model.is_none() {
        info.model = Some(shorten(&model_words.join(" "), 40));
    }
}

/// Flag words that `ListKeyFlags` prints, with and without the `non` prefix.
const KEY_FLAG_WORDS: [&str; 20] = [
    "sensitive",
    "extractable",
    "modifiable",
    "copyable",
    "token",
    "indestructible",
    "private",
    "public",
    "neverextractable",
    "alwayssensitive",
    "local",
    "wrapwithtrusted",
    "unique",
    "decrypt",
    "encrypt",
    "sign",
    "verify",
    "unwrap",
    "wrap",
    "derive",
];

fn is_flag_word(word: &str) -> bool {
    let negated = word.get(..3).is_some_and(|prefix| {
        prefix.eq_ignore_ascii_case("non") || prefix.eq_ignore_ascii_case("not")
    });
    let base = if negated {
        word.get(3..).unwrap_or(word)
    } else {
        word
    };
    KEY_FLAG_WORDS
        .iter()
        .chain(["integrity", "signrecover"].iter())
        .any(|flag| flag.eq_ignore_ascii_case(base))
}

/// Finds the `ListKeyFlags` line: a key name, then flag words. Command lines are skipped.
fn key_flags_line(cleaned: &str) -> Option<(Option<&str>, Vec<&str>)> {
    for (_, line) in lines_containing(cleaned, &["extractable"]) {
        if line.contains("-flags") || line.contains("java ") || line.contains("-jar") {
            continue;
        }
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|word| !word.is_empty())
            .collect();
        let flags: Vec<&str> = words
            .iter()
            .copied()
            .filter(|word| is_flag_word(word))
            .collect();
        let has_sensitivity = flags.iter().any(|flag| {
            matches!(
                flag.to_ascii_lowercase().as_str(),
                "sensitive" | "nonsensitive"
            )
        });
        let has_extractability = flags.iter().any(|flag| {
            matches!(
                flag.to_ascii_lowercase().as_str(),
                "extractable" | "nonextractable"
            )
        });
        if flags.len() >= 4 && has_sensitivity && has_extractability {
            let name = words.first().copied().filter(|word| !is_flag_word(word));
            return Some((name, flags));
        }
    }
    None
}

pub(super) fn looks_like_key_flags(cleaned: &str) -> bool {
    key_flags_line(cleaned).is_some()
}

pub(super) fn read_key_flags(input: &Input) -> Result<Parsed, Error> {
    let Some((name, flags)) = key_flags_line(input.cleaned) else {
        return Err(invalid_input(
            input,
            "Primus Tools ListKeyFlags",
            "a line with the key name and its flags, including `sensitive` or `nonsensitive` and `extractable` or `nonextractable`",
        ));
    };
    let mut facts = Facts::default();
    let target_key = &mut facts.hsm.target_key;
    let has = |flag: &str| flags.iter().any(|known| known.eq_ignore_ascii_case(flag));
    target_key.sensitive = Some(Fact::new(has("sensitive"), source::LIST_KEY_FLAGS));
    target_key.extractable = Some(Fact::new(has("extractable"), source::LIST_KEY_FLAGS));
    if let Some(name) = name {
        target_key.name = Some(Fact::new(shorten(name, 128), source::LIST_KEY_FLAGS));
    }
    let label = match name {
        Some(name) => format!(
            "Primus Tools ListKeyFlags output for key '{}'",
            shorten(name, 64)
        ),
        None => "Primus Tools ListKeyFlags output".to_owned(),
    };
    Ok(Parsed {
        kind: InputKind::PrimusKeyFlags,
        label,
        facts,
        warnings: Vec::new(),
    })
}

/// Words in a usage text that name the options of `AzureByokExport`.
const BYOK_EXPORT_OPTIONS: [&str; 6] = [
    "-kekidentifier",
    "-kekfile",
    "-outfile",
    "-rsakey",
    "-eckey",
    "-aeskey",
];

/// Words that a command-line tool prints for a command it does not have.
const UNKNOWN_COMMAND: [&str; 5] = [
    "unknown command",
    "invalid command",
    "no such command",
    "not a valid command",
    "command not found",
];

/// Reads whether the text proves that `AzureByokExport` exists (its usage text) or that it
/// does not (an unknown-command error). Returns None when the text shows neither.
fn command_help(cleaned: &str) -> Option<bool> {
    let named = ["AzureByokExport", "azurebyokexport", "AZUREBYOKEXPORT"]
        .iter()
        .any(|name| cleaned.contains(name));
    if !named {
        return None;
    }
    let lower = cleaned.to_ascii_lowercase();
    if !lower.contains("azurebyokexport") {
        return None;
    }
    if UNKNOWN_COMMAND.iter().any(|phrase| lower.contains(phrase)) {
        return Some(false);
    }
    let options = BYOK_EXPORT_OPTIONS
        .iter()
        .filter(|option| lower.contains(*option))
        .count();
    (options >= 2 || lower.contains("usage") && options >= 1).then_some(true)
}

pub(super) fn looks_like_command_help(cleaned: &str) -> bool {
    command_help(cleaned).is_some()
}

pub(super) fn read_command_help(input: &Input) -> Result<Parsed, Error> {
    let Some(available) = command_help(input.cleaned) else {
        return Err(invalid_input(
            input,
            "Primus Tools `AzureByokExport -help`",
            "the usage text of AzureByokExport (with options such as -kekidentifier and -outfile) or an unknown-command error",
        ));
    };
    let mut facts = Facts::default();
    facts.tools.azure_byok_export_available = Some(Fact::new(available, source::COMMAND_HELP));
    let label = if available {
        "usage text of Primus Tools AzureByokExport: the command exists"
    } else {
        "Primus Tools error: the AzureByokExport command does not exist"
    };
    Ok(Parsed {
        kind: InputKind::PrimusCommandHelp,
        label: label.to_owned(),
        facts,
        warnings: Vec::new(),
    })
}
