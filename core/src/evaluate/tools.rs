//! Rules for the HSM client computer (Java, Primus Tools) and for a `.byok` file.

use super::outcome::Outcome;
use super::Context;
use crate::kid::KeyId;
use crate::version::{parse_version, Scheme, VersionSet};

/// Oracle Java 8 ships the unlimited-strength policy enabled from update 161 on.
const ORACLE_UNLIMITED_POLICY_UPDATE: u64 = 161;

pub(super) fn java(context: &Context) -> Outcome {
    let facts = context.facts;
    let tools = &facts.tools;
    let required = "Java 8 or later";

    if let Some(present) = tools.java_present.as_ref().filter(|fact| !fact.value) {
        return Outcome::fail(
            required,
            "Java was not found on the HSM client computer; Primus Tools needs it.".to_owned(),
        )
        .observed("not found")
        .used("tools.java_present", Some(present));
    }

    let Some(fact) = tools.java_version.as_ref() else {
        return Outcome::missing(facts, required, &["tools.java_version"]);
    };
    let version = match parse_version(&fact.value, Scheme::Java) {
        Ok(version) => version,
        Err(error) => {
            return Outcome::unknown_text(format!(
                "{error}. Run `java -version` and give its output."
            ))
            .observed(fact.value.clone())
            .used("tools.java_version", Some(fact));
        }
    };

    // Java 8 update numbers are the patch part: 1.8.0_151 reads as 8.0.151.
    let vendor = tools.java_vendor.as_ref();
    let vendor_text = vendor
        .map(|fact| format!("{} ", fact.value))
        .unwrap_or_default();
    let major = version.version.major;
    let is_oracle = vendor.is_some_and(|fact| fact.value.to_ascii_lowercase().contains("oracle"));
    let outcome = if major < 8 {
        Outcome::fail(
            required,
            format!("Java {vendor_text}{major} is older than Java 8, which Primus Tools needs."),
        )
    } else if major == 8 && is_oracle && version.version.patch < ORACLE_UNLIMITED_POLICY_UPDATE {
        Outcome::warn(
            required,
            format!(
                "Oracle Java 8 update {} limits AES to 128 bits unless the JCE Unlimited Strength policy files are installed; update to 8u161 or later, or install them.",
                version.version.patch
            ),
        )
    } else {
        Outcome::pass(
            required,
            format!("Java {vendor_text}{major} runs Primus Tools."),
        )
    };
    outcome
        .observed(fact.value.clone())
        .used("tools.java_version", Some(fact))
        .used("tools.java_vendor", vendor)
}

pub(super) fn primus_tools(context: &Context) -> Outcome {
    let facts = context.facts;
    let tools = &facts.tools;
    let required = "AzureByokExport available (JCE provider 2.3.7 or later)";
    let version_fact = tools.primus_tools_version.as_ref();
    if let Some(probe) = tools.azure_byok_export_available.as_ref() {
        let observed = match version_fact {
            Some(version) => format!(
                "{}, AzureByokExport {}",
                version.value,
                if probe.value { "present" } else { "absent" }
            ),
            None => format!(
                "AzureByokExport {}",
                if probe.value { "present" } else { "absent" }
            ),
        };
        let outcome = if probe.value {
            Outcome::pass(required, "Primus Tools has the AzureByokExport command; the probe of `AzureByokExport -help` printed its usage.".to_owned())
        } else {
            Outcome::fail(
                required,
                "Primus Tools has no AzureByokExport command; install a newer Primus Tools."
                    .to_owned(),
            )
        };
        return outcome
            .observed(observed)
            .used("tools.azure_byok_export_available", Some(probe))
            .used("tools.primus_tools_version", version_fact);
    }
    let Some(fact) = version_fact else {
        return Outcome::missing(
            facts,
            required,
            &[
                "tools.azure_byok_export_available",
                "tools.primus_tools_version",
            ],
        );
    };
    let version = match parse_version(&fact.value, Scheme::PrimusTools) {
        Ok(version) => version,
        Err(error) => {
            return Outcome::unknown_text(format!(
                "{error}. Run `java -jar primus-tools.jar AzureByokExport -help` to confirm the command exists."
            ))
            .observed(fact.value.clone())
            .used("tools.primus_tools_version", Some(fact));
        }
    };

    // The installation page (2.3.6 and older lack the command) is stricter than the BYOK
    // prerequisites (2.2.7). A version in between is a warning until a probe decides.
    let confirmed = VersionSet::at_least(2, 3, 7);
    let disputed = VersionSet::at_least(2, 2, 7);
    let shown = version.short();
    let outcome = if confirmed.contains(&version.version) {
        Outcome::pass(
            required,
            format!("Primus Tools {shown} has AzureByokExport."),
        )
    } else if disputed.contains(&version.version) {
        Outcome::warn(
            required,
            format!(
                "Primus Tools {shown} meets the BYOK prerequisites (2.2.7 or later), but the Primus Tools installation page says JCE provider 2.3.6 and older lack AzureByokExport. Confirm with `java -jar primus-tools.jar AzureByokExport -help`."
            ),
        )
    } else {
        Outcome::fail(
            required,
            format!("Primus Tools {shown} is older than 2.2.7 and has no AzureByokExport."),
        )
    };
    outcome
        .observed(fact.value.clone())
        .used("tools.primus_tools_version", Some(fact))
}

/// Bytes that `CKM_RSA_AES_KEY_WRAP` adds beyond the RSA block: AES key wrap with padding
/// (RFC 5649) writes at least 16 bytes.
const MIN_WRAPPED_KEY_BYTES: u64 = 16;

pub(super) fn byok_file(context: &Context) -> Outcome {
    let facts = context.facts;
    let file = &facts.byok_file;
    let required = "schema 1.0.0, alg dir, enc CKM_RSA_AES_KEY_WRAP, ciphertext for this KEK";
    if file.is_empty() {
        return Outcome::skipped(
            "No .byok file was given; this check applies after AzureByokExport has written one."
                .to_owned(),
        );
    }

    let mut problems: Vec<String> = Vec::new();
    let mut missing: Vec<&'static str> = Vec::new();
    let expect = |value: &Option<crate::facts::Fact<String>>,
                  expected: &str,
                  field: &str,
                  problems: &mut Vec<String>| {
        match value {
            Some(fact) if fact.value == expected => {}
            Some(fact) => problems.push(format!(
                "{field} is '{}', expected '{expected}'",
                fact.value
            )),
            None => problems.push(format!("{field} is missing")),
        }
    };
    expect(
        &file.schema_version,
        "1.0.0",
        "schema_version",
        &mut problems,
    );
    expect(&file.alg, "dir", "header.alg", &mut problems);
    expect(
        &file.enc,
        "CKM_RSA_AES_KEY_WRAP",
        "header.enc",
        &mut problems,
    );
    if file
        .ciphertext_valid
        .as_ref()
        .is_some_and(|fact| !fact.value)
    {
        problems.push("ciphertext is not valid base64url".to_owned());
    }

    let file_kid = file.kid.as_ref();
    let parsed_file_kid = file_kid.and_then(|fact| KeyId::parse(&fact.value));
    if file_kid.is_some() && parsed_file_kid.is_none() {
        problems.push(format!(
            "header.kid '{}' is not a key identifier URL",
            file_kid.map(|fact| fact.value.as_str()).unwrap_or_default()
        ));
    } else if file_kid.is_none() {
        problems.push("header.kid is missing".to_owned());
    }

    let kek = &facts.azure.kek;
    match (
        &parsed_file_kid,
        kek.kid.as_ref().and_then(|fact| KeyId::parse(&fact.value)),
    ) {
        (Some(file_id), Some(kek_id)) => {
            if !file_id.vault.eq_ignore_ascii_case(&kek_id.vault) {
                problems.push(format!(
                    "it was wrapped for vault '{}', but the KEK is in '{}'",
                    file_id.vault, kek_id.vault
                ));
            }
            if !file_id.name.eq_ignore_ascii_case(&kek_id.name) {
                problems.push(format!(
                    "it was wrapped for key '{}', but the KEK is '{}'",
                    file_id.name, kek_id.name
                ));
            }
            if let (Some(file_version), Some(kek_version)) = (&file_id.version, &kek_id.version) {
                if !file_version.eq_ignore_ascii_case(kek_version) {
                    problems.push(format!("it was wrapped for KEK version {file_version}, but the KEK is version {kek_version}"));
                }
            }
        }
        (Some(_), None) => missing.push("azure.kek.kid"),
        _ => {}
    }
    if let (Some(bytes), Some(size)) = (file.ciphertext_bytes.as_ref(), kek.size_bits.as_ref()) {
        let minimum = u64::from(size.value / 8) + MIN_WRAPPED_KEY_BYTES;
        if bytes.value < minimum {
            problems.push(format!(
                "its ciphertext is {} bytes, too short for a {}-bit KEK (at least {minimum})",
                bytes.value, size.value
            ));
        }
    }

    let outcome = if !problems.is_empty() {
        Outcome::fail(
            required,
            format!(
                "The .byok file cannot be imported: {}.",
                problems.join("; ")
            ),
        )
    } else if !missing.is_empty() {
        let mut outcome = Outcome::missing(facts, required, &missing);
        outcome.message = format!(
            "The .byok file is well-formed, but it cannot be matched to the KEK. {}",
            outcome.message
        );
        outcome
    } else {
        Outcome::pass(
            required,
            "The .byok file is well-formed and was wrapped for this KEK.".to_owned(),
        )
    };
    let observed = parsed_file_kid
        .map(|id| format!("wrapped for {}/{}", id.vault, id.name))
        .unwrap_or_else(|| ".byok file".to_owned());
    outcome
        .observed(observed)
        .used("byok_file.kid", file_kid)
        .used("byok_file.ciphertext_bytes", file.ciphertext_bytes.as_ref())
        .used("azure.kek.kid", kek.kid.as_ref())
        .used("azure.kek.size_bits", kek.size_bits.as_ref())
}
