//! Rules for the Azure side: CLI, sign-in, vault, KEK and target key type.

use std::cmp::Ordering;

use super::outcome::Outcome;
use super::Context;
use crate::facts::{KeyType, Target};
use crate::kid::KeyId;
use crate::time::parse_rfc3339;
use crate::version::{parse_version, Scheme, VersionSet};

/// A minimum Azure CLI version and the requirement as the report states it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct CliMinimum {
    version: (u64, u64, u64),
    required: &'static str,
}

const NO_MINIMUM: CliMinimum = CliMinimum {
    version: (0, 0, 0),
    required: "",
};
const KEY_VAULT_CLI: CliMinimum = CliMinimum {
    version: (2, 1, 0),
    required: "2.1.0 or later for a Key Vault",
};
const MANAGED_HSM_CLI: CliMinimum = CliMinimum {
    version: (2, 12, 0),
    required: "2.12.0 or later for a Managed HSM",
};
const OCT_CLI: CliMinimum = CliMinimum {
    version: (2, 17, 0),
    required: "2.17.0 or later for oct keys (--kty on import)",
};
const EC_CLI: CliMinimum = CliMinimum {
    version: (2, 19, 0),
    required: "2.19.0 or later for EC keys (--curve on import)",
};

fn minimum_for(target: Option<Target>, key_type: Option<KeyType>) -> CliMinimum {
    let for_target = match target {
        Some(Target::ManagedHsm) => MANAGED_HSM_CLI,
        _ => KEY_VAULT_CLI,
    };
    let for_key = match key_type {
        Some(KeyType::Ec) => EC_CLI,
        Some(KeyType::Oct) => OCT_CLI,
        _ => NO_MINIMUM,
    };
    for_target.max(for_key)
}

pub(super) fn cli_version(context: &Context) -> Outcome {
    let fact = context.facts.azure.cli_version.as_ref();
    let Some(fact) = fact else {
        return Outcome::missing(
            context.facts,
            KEY_VAULT_CLI.required,
            &["azure.cli_version"],
        );
    };
    let version = match parse_version(&fact.value, Scheme::AzureCli) {
        Ok(version) => version,
        Err(error) => {
            return Outcome::unknown_text(format!(
                "{error}. Run `az version` and give its output."
            ))
            .observed(fact.value.clone())
            .used("azure.cli_version", Some(fact));
        }
    };

    // The strictest and the loosest minimum over the context values not yet known.
    let targets: &[Option<Target>] = match context.target {
        Some(_) => &[None],
        None => &[Some(Target::KeyVault), Some(Target::ManagedHsm)],
    };
    let key_types: &[Option<KeyType>] = match context.key_type {
        Some(_) => &[None],
        None => &[Some(KeyType::Rsa), Some(KeyType::Ec), Some(KeyType::Oct)],
    };
    let mut strict = minimum_for(context.target, context.key_type);
    let mut loose = strict;
    for target in targets {
        for key_type in key_types {
            let candidate = minimum_for(target.or(context.target), key_type.or(context.key_type));
            strict = strict.max(candidate);
            loose = loose.min(candidate);
        }
    }

    let meets = |minimum: CliMinimum| {
        let (major, minor, patch) = minimum.version;
        VersionSet::at_least(major, minor, patch).contains(&version.version)
    };
    let shown = fact.value.trim();
    let context_known = context.target.is_some() && context.key_type.is_some();
    let outcome = if meets(strict) && context_known {
        Outcome::pass(
            strict.required,
            format!("Azure CLI {shown} meets the minimum, {}.", strict.required),
        )
    } else if meets(strict) {
        Outcome::pass(
            strict.required,
            format!(
                "Azure CLI {shown} meets every minimum that can apply before the target and key type are chosen; the highest is {}.",
                strict.required
            ),
        )
    } else if !meets(loose) {
        Outcome::fail(
            strict.required,
            format!(
                "Azure CLI {shown} is older than the minimum, {}.",
                strict.required
            ),
        )
    } else {
        let mut missing = Vec::new();
        if context.target.is_none() {
            missing.push("context.target");
        }
        if context.key_type.is_none() {
            missing.push("context.key_type");
        }
        Outcome::unknown_text(format!(
            "Azure CLI {shown} is new enough for some targets but not all: the minimum is 2.1.0 for a Key Vault, 2.12.0 for a Managed HSM, 2.17.0 for oct keys and 2.19.0 for EC keys. Choose the target and key type."
        ))
        .with_missing(&missing)
    };
    outcome
        .observed(fact.value.clone())
        .used("azure.cli_version", Some(fact))
}

pub(super) fn login(context: &Context) -> Outcome {
    let azure = &context.facts.azure;
    let required = "signed in, subscription Enabled";
    let Some(logged_in) = azure.logged_in.as_ref() else {
        return Outcome::missing(context.facts, required, &["azure.logged_in"]);
    };
    if !logged_in.value {
        return Outcome::fail(required, "Not signed in to Azure.".to_owned())
            .observed("not signed in")
            .used("azure.logged_in", Some(logged_in));
    }
    let Some(state) = azure.subscription_state.as_ref() else {
        return Outcome::missing(context.facts, required, &["azure.subscription_state"])
            .observed("signed in")
            .used("azure.logged_in", Some(logged_in));
    };
    let subscription = azure
        .subscription_id
        .as_ref()
        .map(|fact| format!(" {}", fact.value))
        .unwrap_or_default();
    let outcome = if state.value.eq_ignore_ascii_case("Enabled") {
        Outcome::pass(
            required,
            format!("Signed in; subscription{subscription} is Enabled."),
        )
    } else {
        Outcome::fail(
            required,
            format!(
                "Signed in, but subscription{subscription} is {}; it must be Enabled to create keys.",
                state.value
            ),
        )
    };
    outcome
        .observed(format!("signed in, subscription {}", state.value))
        .used("azure.logged_in", Some(logged_in))
        .used("azure.subscription_state", Some(state))
}

fn is_managed_hsm_sku(sku: &str) -> bool {
    let lower = sku.to_ascii_lowercase();
    lower.ends_with("_b1")
        || lower.contains("_b") && (lower.starts_with("standard_") || lower.starts_with("custom_"))
}

pub(super) fn vault_sku(context: &Context) -> Outcome {
    let azure = &context.facts.azure;
    let sku = azure.vault_sku.as_ref();
    let kind = azure.vault_kind.as_ref();
    let name = azure
        .vault_name
        .as_ref()
        .map(|fact| format!("'{}' ", fact.value))
        .unwrap_or_default();

    if azure.vault_found.as_ref().is_some_and(|fact| !fact.value) {
        return Outcome::unknown_text(format!(
            "The vault {name}was not found, so its SKU is not known; see the check azure.vault.ready."
        ))
        .used("azure.vault_found", azure.vault_found.as_ref());
    }
    if sku.is_none() && kind.is_none() {
        return Outcome::missing(
            context.facts,
            "Key Vault SKU premium, or a Managed HSM",
            &["azure.vault_sku"],
        );
    }

    let resource_is_mhsm = kind
        .map(|fact| fact.value == Target::ManagedHsm)
        .or_else(|| sku.map(|fact| is_managed_hsm_sku(&fact.value)));
    let observed = match (sku, resource_is_mhsm) {
        (Some(sku), Some(true)) => format!("Managed HSM, SKU {}", sku.value),
        (Some(sku), _) => format!("Key Vault, SKU {}", sku.value),
        (None, Some(true)) => "Managed HSM".to_owned(),
        (None, _) => "Key Vault, SKU not known".to_owned(),
    };

    let planned = context.facts.context.target.as_ref().map(|fact| fact.value);
    let outcome = match (planned.or(context.target), resource_is_mhsm) {
        (Some(Target::ManagedHsm), Some(true)) | (None, Some(true)) => Outcome::pass(
            "a Managed HSM",
            format!("The vault {name}is a Managed HSM, which holds HSM-protected keys."),
        ),
        (Some(Target::ManagedHsm), _) => Outcome::fail(
            "a Managed HSM",
            format!("The target is a Managed HSM, but the vault {name}is a Key Vault. Give the Managed HSM with --hsm-name."),
        ),
        (Some(Target::KeyVault), Some(true)) => Outcome::fail(
            "Key Vault SKU premium",
            format!("The target is a Key Vault, but {name}is a Managed HSM. Give the Key Vault with --vault-name, or choose the Managed HSM as the target."),
        ),
        (_, _) => match sku {
            Some(sku) if sku.value.eq_ignore_ascii_case("premium") => Outcome::pass(
                "Key Vault SKU premium",
                format!("The vault {name}has the Premium SKU, which holds HSM-protected keys."),
            ),
            Some(sku) if sku.value.eq_ignore_ascii_case("standard") => Outcome::fail(
                "Key Vault SKU premium",
                format!("The vault {name}has the Standard SKU, which cannot hold HSM-protected keys (RSA-HSM) such as the KEK."),
            ),
            Some(sku) => Outcome::unknown_text(format!(
                "The vault SKU '{}' is not one this check knows; expected premium or standard for a Key Vault.",
                sku.value
            )),
            None => Outcome::missing(context.facts, "Key Vault SKU premium", &["azure.vault_sku"]),
        },
    };
    outcome
        .observed(observed)
        .used("azure.vault_sku", sku)
        .used("azure.vault_kind", kind)
}

pub(super) fn vault_ready(context: &Context) -> Outcome {
    let azure = &context.facts.azure;
    let name = azure
        .vault_name
        .as_ref()
        .map(|fact| format!("'{}' ", fact.value))
        .unwrap_or_default();
    // What the resource is decides, when known; the planned target otherwise.
    let is_mhsm = azure
        .vault_kind
        .as_ref()
        .map_or(context.target == Some(Target::ManagedHsm), |fact| {
            fact.value == Target::ManagedHsm
        });
    let required = if is_mhsm {
        "provisioningState Succeeded and security domain Active"
    } else {
        "provisioningState Succeeded"
    };

    if let Some(found) = azure.vault_found.as_ref().filter(|fact| !fact.value) {
        return Outcome::fail(
            required,
            format!("The vault {name}was not found in the subscription."),
        )
        .observed("not found")
        .used("azure.vault_found", Some(found));
    }
    let Some(state) = azure.vault_provisioning_state.as_ref() else {
        return Outcome::missing(context.facts, required, &["azure.vault_provisioning_state"]);
    };
    if !state.value.eq_ignore_ascii_case("Succeeded") {
        return Outcome::fail(
            required,
            format!(
                "The vault {name}is in provisioning state {}; wait until it is Succeeded, or recreate it if it is Failed.",
                state.value
            ),
        )
        .observed(format!("provisioningState {}", state.value))
        .used("azure.vault_provisioning_state", Some(state));
    }
    if !is_mhsm {
        return Outcome::pass(required, format!("The vault {name}is provisioned."))
            .observed("provisioningState Succeeded")
            .used("azure.vault_provisioning_state", Some(state));
    }

    let activation = azure.mhsm_activation_status.as_ref();
    let outcome = match activation {
        None => Outcome::missing(context.facts, required, &["azure.mhsm_activation_status"]),
        Some(status) if status.value.eq_ignore_ascii_case("Active") => {
            Outcome::pass(required, format!("The Managed HSM {name}is provisioned and activated."))
        }
        Some(status) => Outcome::fail(
            required,
            format!(
                "The Managed HSM {name}is provisioned but its security domain is {}; it cannot use keys until you download the security domain to activate it.",
                status.value
            ),
        ),
    };
    let observed = match activation {
        Some(status) => format!(
            "provisioningState Succeeded, activationStatus {}",
            status.value
        ),
        None => "provisioningState Succeeded".to_owned(),
    };
    outcome
        .observed(observed)
        .used("azure.vault_provisioning_state", Some(state))
        .used("azure.mhsm_activation_status", activation)
}

const KEK_REQUIRED: &str = "RSA-HSM, 2048/3072/4096 bits, key operations exactly [\"import\"], enabled, not expired, in the target vault";

pub(super) fn kek(context: &Context) -> Outcome {
    let facts = context.facts;
    let kek = &facts.azure.kek;
    if kek.is_empty() {
        return Outcome::missing(facts, KEK_REQUIRED, &["azure.kek"]);
    }

    let mut problems: Vec<String> = Vec::new();
    let mut missing: Vec<&'static str> = Vec::new();
    let mut observed = String::with_capacity(64);
    let mut note = |part: &str| {
        if !observed.is_empty() {
            observed.push_str(", ");
        }
        observed.push_str(part);
    };

    match &kek.kty {
        Some(kty) => {
            note(&kty.value);
            if kty.value != "RSA-HSM" {
                problems.push(format!("its key type is {}, not RSA-HSM", kty.value));
            }
        }
        None => missing.push("azure.kek.kty"),
    }
    match &kek.size_bits {
        Some(size) => {
            note(&format!("{} bits", size.value));
            if ![2048, 3072, 4096].contains(&size.value) {
                problems.push(format!(
                    "its size is {} bits, not 2048, 3072 or 4096",
                    size.value
                ));
            }
        }
        None => missing.push("azure.kek.size_bits"),
    }
    match &kek.key_ops {
        Some(ops) => {
            let list = ops.value.join(", ");
            note(&format!("ops [{list}]"));
            let only_import = ops.value.len() == 1 && ops.value[0].eq_ignore_ascii_case("import");
            if !only_import {
                problems.push(format!(
                    "its key operations are [{list}], not exactly [import]"
                ));
            }
        }
        None => missing.push("azure.kek.key_ops"),
    }
    if let Some(enabled) = &kek.enabled {
        if !enabled.value {
            note("disabled");
            problems.push("it is disabled".to_owned());
        }
    }
    for (fact, expired_when, wording) in [
        (&kek.expires, Ordering::Greater, "expired"),
        (&kek.not_before, Ordering::Less, "is not active until"),
    ] {
        let Some(fact) = fact else { continue };
        match (parse_rfc3339(&fact.value), context.now) {
            (Some(time), Some(now)) if now.cmp(&time) == expired_when => {
                problems.push(format!("it {wording} {}", fact.value));
            }
            (Some(_), Some(_)) => {}
            (None, _) => problems.push(format!("its time '{}' cannot be read", fact.value)),
            (Some(_), None) => missing.push("now"),
        }
    }
    let kid = kek.kid.as_ref().map(|kid| (kid, KeyId::parse(&kid.value)));
    match (&kid, &facts.azure.vault_name) {
        (Some((_, Some(id))), Some(vault)) if !id.vault.eq_ignore_ascii_case(&vault.value) => {
            problems.push(format!(
                "it is in vault '{}', not in the target vault '{}'",
                id.vault, vault.value
            ));
        }
        (Some((kid, None)), _) => {
            problems.push(format!(
                "its kid '{}' is not a key identifier URL",
                kid.value
            ));
        }
        _ => {}
    }

    let name = match &kid {
        Some((_, Some(id))) => format!("'{}' ", id.name),
        _ => String::new(),
    };
    let outcome = if !problems.is_empty() {
        Outcome::fail(
            KEK_REQUIRED,
            format!("The KEK {name}cannot be used: {}.", problems.join("; ")),
        )
    } else if !missing.is_empty() {
        let mut outcome = Outcome::missing(facts, KEK_REQUIRED, &missing);
        outcome.message = format!(
            "The KEK {name}was found, but not all of it is known. {}",
            outcome.message
        );
        outcome
    } else {
        Outcome::pass(
            KEK_REQUIRED,
            format!("The KEK {name}is an RSA-HSM key allowed only to import."),
        )
    };
    if observed.is_empty() {
        observed.push_str("kid only");
    }
    outcome
        .observed(observed)
        .used("azure.kek.kid", kek.kid.as_ref())
        .used("azure.kek.kty", kek.kty.as_ref())
        .used("azure.kek.size_bits", kek.size_bits.as_ref())
        .used("azure.kek.key_ops", kek.key_ops.as_ref())
        .used("azure.kek.enabled", kek.enabled.as_ref())
        .used("azure.kek.expires", kek.expires.as_ref())
}

/// Curve names Azure accepts, with the spellings tools also print.
fn normalize_curve(curve: &str) -> Option<&'static str> {
    let compact: String = curve
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_uppercase();
    match compact.as_str() {
        "P256" | "SECP256R1" | "PRIME256V1" => Some("P-256"),
        "P384" | "SECP384R1" => Some("P-384"),
        "P521" | "SECP521R1" => Some("P-521"),
        "P256K" | "SECP256K1" => Some("P-256K"),
        _ => None,
    }
}

pub(super) fn key_type(context: &Context) -> Outcome {
    let facts = context.facts;
    let key = &facts.context;
    let Some(key_type) = key.key_type.as_ref() else {
        return Outcome::missing(facts, "a key type Azure imports", &["context.key_type"]);
    };
    let outcome = match key_type.value {
        KeyType::Rsa => match key.key_size.as_ref() {
            None => Outcome::missing(facts, "RSA 2048, 3072 or 4096 bits", &["context.key_size"]),
            Some(size) if [2048, 3072, 4096].contains(&size.value) => Outcome::pass(
                "RSA 2048, 3072 or 4096 bits",
                format!("RSA {} is accepted.", size.value),
            )
            .observed(format!("RSA {}", size.value)),
            Some(size) => Outcome::fail(
                "RSA 2048, 3072 or 4096 bits",
                format!("Azure does not import RSA keys of {} bits; create the target key with 2048, 3072 or 4096 bits.", size.value),
            )
            .observed(format!("RSA {}", size.value)),
        },
        KeyType::Ec => match key.curve.as_ref() {
            None => Outcome::missing(facts, "EC P-256, P-384, P-521 or P-256K", &["context.curve"]),
            Some(curve) => match normalize_curve(&curve.value) {
                Some(name) => Outcome::pass(
                    "EC P-256, P-384, P-521 or P-256K",
                    format!("EC {name} is accepted; import it with --kty EC --curve {name}."),
                ),
                None => Outcome::fail(
                    "EC P-256, P-384, P-521 or P-256K",
                    format!("Azure does not import EC keys on curve '{}'.", curve.value),
                ),
            }
            .observed(format!("EC {}", curve.value)),
        },
        KeyType::Oct => {
            let size = key.key_size.as_ref();
            let observed = size.map_or("oct".to_owned(), |size| format!("oct {}", size.value));
            let required = "oct 128, 192 or 256 bits, into a Managed HSM";
            match (context.target, size) {
                (Some(Target::KeyVault), _) => Outcome::fail(
                    required,
                    "AES (oct) keys can be imported only into a Managed HSM, not into a Key Vault.".to_owned(),
                ),
                (_, Some(size)) if ![128, 192, 256].contains(&size.value) => Outcome::fail(
                    required,
                    format!("Azure does not import oct keys of {} bits; use 128, 192 or 256.", size.value),
                ),
                (None, _) => Outcome::missing(facts, required, &["context.target"]),
                (Some(Target::ManagedHsm), None) => Outcome::missing(facts, required, &["context.key_size"]),
                (Some(Target::ManagedHsm), Some(size)) => Outcome::pass(
                    required,
                    format!("oct {} is accepted by a Managed HSM.", size.value),
                ),
            }
            .observed(observed)
        }
    };
    outcome
        .used("context.key_type", Some(key_type))
        .used("context.key_size", key.key_size.as_ref())
        .used("context.curve", key.curve.as_ref())
}
