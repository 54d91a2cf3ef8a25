//! A `.byok` file written by `AzureByokExport`: `schema_version`, `header` (`kid`, `alg`,
//! `enc`), `ciphertext` (base64url) and `generator`, which names the tool and the firmware
//! (`Primus Java BYOK-Tool v1.2; GRIMSEL RX-2.9.0-T`).
//!
//! The reader records what the file contains; the check `byok.file` compares it with the
//! expected format and with the KEK.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::json_scan::{JsonDocument, Value};
use super::{invalid_input, shorten, Input};
use crate::error::Error;
use crate::facts::{source, Fact, Facts};
use crate::kid::KeyId;
use crate::parse::{InputKind, Parsed};
use crate::version::{parse_version, Scheme};

pub(super) fn looks_like(document: &JsonDocument) -> bool {
    document.has_key("ciphertext")
        && (document.has_key("header")
            || matches!(document.get("schema_version"), Some(Value::String(_))))
}

pub(super) fn read(input: &Input) -> Result<Parsed, Error> {
    let document = input.json()?;
    if !looks_like(document) {
        return Err(invalid_input(
            input,
            ".byok file",
            "a JSON object with \"schema_version\", \"header\" and \"ciphertext\"",
        ));
    }
    let mut facts = Facts::default();
    let mut warnings = Vec::new();
    let file = &mut facts.byok_file;
    let fact = |value: &str| Fact::new(value.to_owned(), source::BYOK_FILE);

    if let Some(version) = document.string("schema_version") {
        file.schema_version = Some(fact(version));
    }
    let kid = document.first_string(&["header.kid", "kid"]);
    if let Some(kid) = kid {
        if KeyId::parse(kid).is_none() {
            warnings.push(format!(
                "header.kid '{}' is not a key identifier URL.",
                shorten(kid, 200)
            ));
        }
        file.kid = Some(fact(kid));
    }
    if let Some(alg) = document.first_string(&["header.alg", "alg"]) {
        file.alg = Some(fact(alg));
    }
    if let Some(enc) = document.first_string(&["header.enc", "enc"]) {
        file.enc = Some(fact(enc));
    }
    match document.get("ciphertext") {
        Some(Value::String(ciphertext)) => {
            let compact: String = ciphertext.chars().filter(|c| !c.is_whitespace()).collect();
            match URL_SAFE_NO_PAD.decode(compact.trim_end_matches('=')) {
                Ok(bytes) if !bytes.is_empty() => {
                    file.ciphertext_valid = Some(Fact::new(true, source::BYOK_FILE));
                    file.ciphertext_bytes = Some(Fact::new(bytes.len() as u64, source::BYOK_FILE));
                }
                _ => file.ciphertext_valid = Some(Fact::new(false, source::BYOK_FILE)),
            }
        }
        _ => warnings.push("The file has no readable \"ciphertext\".".to_owned()),
    }

    let mut tool = None;
    if let Some(generator) = document.string("generator") {
        file.generator = Some(fact(generator));
        let parts = read_generator(generator);
        tool = parts.tool;
        if let Some(firmware) = parts.firmware {
            facts.hsm.firmware = Some(Fact::new(firmware, source::BYOK_FILE));
        }
        if let Some(device) = parts.device {
            facts.hsm.device_name = Some(Fact::new(device, source::BYOK_FILE));
        }
    }
    if !document.repairs.is_empty() {
        warnings.push(format!(
            "The file is not valid JSON: {}. Azure will not import it as it is; export it again with AzureByokExport.",
            document.repairs.join("; ")
        ));
    }

    let mut label = match kid.and_then(KeyId::parse) {
        Some(id) => format!(
            ".byok file wrapped for KEK '{}' in vault '{}'",
            shorten(&id.name, 64),
            shorten(&id.vault, 64)
        ),
        None => ".byok file".to_owned(),
    };
    if let Some(tool) = tool {
        label.push_str(&format!(", written by {tool}"));
    }
    Ok(Parsed {
        kind: InputKind::ByokFile,
        label,
        facts,
        warnings,
    })
}

#[derive(Debug, Default, PartialEq)]
struct Generator {
    tool: Option<String>,
    device: Option<String>,
    firmware: Option<String>,
}

/// Splits `Primus Java BYOK-Tool v1.2; GRIMSEL RX-2.9.0-T` into the tool, the device name
/// and the firmware.
fn read_generator(generator: &str) -> Generator {
    let mut parts = generator.split(';').map(str::trim);
    let tool = parts
        .next()
        .filter(|tool| !tool.is_empty())
        .map(|tool| shorten(tool, 80));
    let mut device = None;
    let mut firmware = None;
    for part in parts {
        let words: Vec<&str> = part.split_whitespace().collect();
        let Some((last, before)) = words.split_last() else {
            continue;
        };
        if last.contains('.') && parse_version(last, Scheme::Firmware).is_ok() {
            firmware = Some(shorten(last, 40));
            if !before.is_empty() {
                device = Some(shorten(&before.join(" "), 64));
            }
        }
    }
    Generator {
        tool,
        device,
        firmware,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_parts() {
        assert_eq!(
            read_generator("Primus Java BYOK-Tool v1.2; GRIMSEL RX-2.9.0-T"),
            Generator {
                tool: Some("Primus Java BYOK-Tool v1.2".to_owned()),
                device: Some("GRIMSEL".to_owned()),
                firmware: Some("RX-2.9.0-T".to_owned()),
            }
        );
        assert_eq!(read_generator("some tool").firmware, None);
    }
}
