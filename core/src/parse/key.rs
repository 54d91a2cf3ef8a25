//! Key exchange key (KEK) from `az keyvault key show` or `create` (CLI shape with `keyOps`,
//! REST shape with `key_ops`), or a bare key identifier URL.

use std::collections::HashSet;

use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use base64::Engine;

use super::json_scan::{JsonDocument, Value};
use super::{find_fast, invalid_input, lines_containing, shorten, Input};
use crate::error::Error;
use crate::facts::{source, Fact, Facts};
use crate::kid::KeyId;
use crate::parse::{InputKind, Parsed};
use crate::time::{format_rfc3339, parse_rfc3339};

pub(super) fn looks_like_json(document: &JsonDocument) -> bool {
    let has_kid = document.has_key("kid");
    let has_key_fields =
        document.has_key("kty") || document.has_key("key_ops") || document.has_key("keyOps");
    has_kid && has_key_fields || document.has_key("kty") && document.has_key("n")
}

pub(super) fn looks_like_kid_text(cleaned: &str) -> bool {
    !kid_urls(cleaned).is_empty()
}

/// Finds the CLI error for a key that does not exist, such as `(KeyNotFound) A key with
/// (name/id) KEKforBYOK was not found in this key vault.` Returns the line.
pub(super) fn key_not_found(cleaned: &str) -> Option<&str> {
    lines_containing(cleaned, &["KeyNotFound", "key with"])
        .into_iter()
        .map(|(_, line)| line)
        .find(|line| line.contains("not found") || line.contains("KeyNotFound"))
}

pub(super) fn read(input: &Input) -> Result<Parsed, Error> {
    if let Some(line) = key_not_found(input.cleaned) {
        let name = line
            .split("(name/id) ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .map(|name| shorten(name, 127));
        let mut facts = Facts::default();
        let reason = match &name {
            Some(name) => format!("the key '{name}' was not found in the vault; create the KEK with `az keyvault key create --kty RSA-HSM --ops import`"),
            None => "the key was not found in the vault; create the KEK with `az keyvault key create --kty RSA-HSM --ops import`".to_owned(),
        };
        facts.unavailable.insert("azure.kek".to_owned(), reason);
        let label = match &name {
            Some(name) => format!("az keyvault key show error: key '{name}' was not found"),
            None => "az keyvault key show error: the key was not found".to_owned(),
        };
        return Ok(Parsed {
            kind: InputKind::KeyvaultKey,
            label,
            facts,
            warnings: Vec::new(),
        });
    }
    if input.cleaned.contains('{') {
        let document = input.json()?;
        if looks_like_json(document) {
            return Ok(read_json(document));
        }
    }
    let urls = kid_urls(input.cleaned);
    let Some(first) = urls.first() else {
        return Err(invalid_input(
            input,
            "az keyvault key show",
            "a key with \"kid\" and \"kty\", or a key identifier such as https://<vault>.vault.azure.net/keys/<name>/<version>",
        ));
    };
    let mut warnings = Vec::new();
    if urls.iter().any(|url| url != first) {
        warnings.push(format!(
            "This text has {} different key identifiers; the first one, {first}, was used.",
            urls.len()
        ));
    }
    let mut facts = Facts::default();
    facts.azure.kek.kid = Some(Fact::new(first.clone(), source::AZ_KEYVAULT_KEY_SHOW));
    warnings.push(
        "Only the key identifier is known; paste `az keyvault key show` output to check the KEK's type, size and operations.".to_owned(),
    );
    Ok(Parsed {
        kind: InputKind::KeyvaultKey,
        label: label_for(first, "key identifier"),
        facts,
        warnings,
    })
}

/// Distinct key identifier URLs in the text, in order.
fn kid_urls(cleaned: &str) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut rest = cleaned;
    while let Some(start) = find_fast(rest, "https://") {
        let candidate = rest.get(start..).unwrap_or("");
        let end = candidate
            .find(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '<' | '>' | ',' | ')')
            })
            .unwrap_or(candidate.len());
        let url = candidate.get(..end).unwrap_or("");
        if KeyId::parse(url).is_some() && seen.insert(url) {
            urls.push(url.to_owned());
        }
        rest = candidate.get(end.max(1)..).unwrap_or("");
    }
    urls
}

fn label_for(kid: &str, what: &str) -> String {
    match KeyId::parse(kid) {
        Some(id) => format!(
            "{what} of key '{}' in vault '{}'{}",
            shorten(&id.name, 64),
            shorten(&id.vault, 64),
            id.version
                .map(|version| format!(", version {}", shorten(&version, 40)))
                .unwrap_or_default()
        ),
        None => what.to_owned(),
    }
}

fn read_json(document: &JsonDocument) -> Parsed {
    let mut facts = Facts::default();
    let mut warnings = Vec::new();
    let kek = &mut facts.azure.kek;
    let source = source::AZ_KEYVAULT_KEY_SHOW;

    let kid = document.first_string(&["key.kid", "kid"]);
    if let Some(kid) = kid {
        if KeyId::parse(kid).is_none() {
            warnings.push(format!(
                "The kid '{}' is not a key identifier URL.",
                shorten(kid, 200)
            ));
        }
        kek.kid = Some(Fact::new(kid.to_owned(), source));
    }
    if let Some(kty) = document.first_string(&["key.kty", "kty"]) {
        kek.kty = Some(Fact::new(kty.to_owned(), source));
    }
    let operations = ["key.keyOps", "key.key_ops", "keyOps", "key_ops"]
        .iter()
        .find_map(|path| document.array_strings(path));
    if let Some(operations) = operations {
        kek.key_ops = Some(Fact::new(operations, source));
    }
    if let Some(modulus) = document.first_string(&["key.n", "n"]) {
        match modulus_bits(modulus) {
            Some(bits) => kek.size_bits = Some(Fact::new(bits, source)),
            None => warnings.push(
                "The modulus \"n\" is not valid base64, so the key size is not known.".to_owned(),
            ),
        }
    }
    if let Some(Value::Bool(enabled)) = document
        .get("attributes.enabled")
        .or_else(|| document.get("enabled"))
    {
        kek.enabled = Some(Fact::new(*enabled, source));
    }
    for (paths, slot) in [
        (["attributes.expires", "attributes.exp"], &mut kek.expires),
        (
            ["attributes.notBefore", "attributes.nbf"],
            &mut kek.not_before,
        ),
    ] {
        let time = paths.iter().find_map(|path| match document.get(path) {
            Some(Value::Number(seconds)) => seconds.parse::<i64>().ok().map(format_rfc3339),
            Some(Value::String(text)) if parse_rfc3339(text).is_some() => Some(text.to_string()),
            Some(Value::String(text)) => {
                warnings.push(format!("The time '{}' is not RFC 3339.", shorten(text, 60)));
                Some(text.to_string())
            }
            _ => None,
        });
        if let Some(time) = time {
            *slot = Some(Fact::new(time, source));
        }
    }
    if let Some(warning) = document.repair_warning() {
        warnings.push(warning);
    }
    let label = match kid {
        Some(kid) => label_for(kid, "az keyvault key show output"),
        None => "az keyvault key show output".to_owned(),
    };
    Parsed {
        kind: InputKind::KeyvaultKey,
        label,
        facts,
        warnings,
    }
}

/// Size in bits of an RSA modulus given in base64 or base64url, with or without padding
/// and with any whitespace from line wrapping.
pub(super) fn modulus_bits(encoded: &str) -> Option<u32> {
    let compact: String = encoded.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.trim_end_matches('=');
    let bytes = if compact.contains(['-', '_']) {
        URL_SAFE_NO_PAD.decode(compact).ok()?
    } else {
        STANDARD_NO_PAD
            .decode(compact)
            .or_else(|_| URL_SAFE_NO_PAD.decode(compact))
            .ok()?
    };
    let first_nonzero = bytes.iter().position(|byte| *byte != 0)?;
    let significant = bytes.get(first_nonzero..)?;
    let leading = significant.first()?;
    let bits = (significant.len() - 1) * 8 + (8 - leading.leading_zeros() as usize);
    u32::try_from(bits).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modulus_size_from_base64_forms() {
        // 256 bytes with the top bit set: a 2048-bit modulus.
        let mut modulus = vec![0xC5u8; 256];
        modulus[255] = 1;
        let standard = base64::engine::general_purpose::STANDARD.encode(&modulus);
        let url = URL_SAFE_NO_PAD.encode(&modulus);
        assert_eq!(modulus_bits(&standard), Some(2048));
        assert_eq!(modulus_bits(&url), Some(2048));
        let wrapped: String = standard
            .as_bytes()
            .chunks(64)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join("\n  ");
        assert_eq!(modulus_bits(&wrapped), Some(2048));
        // A leading zero byte (two's complement sign) does not count.
        let mut signed = vec![0u8];
        signed.extend_from_slice(&modulus);
        assert_eq!(modulus_bits(&STANDARD_NO_PAD.encode(&signed)), Some(2048));
        assert_eq!(modulus_bits("not base64!"), None);
    }
}
