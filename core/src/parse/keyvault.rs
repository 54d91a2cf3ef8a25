//! Key Vault and Managed HSM from `az keyvault show` (with or without `--hsm-name`): the CLI
//! and ARM JSON shapes, the PowerShell list form (`SKU : Premium`), and CLI errors for a
//! vault that was not found.
//!
//! Shapes seen: a Key Vault has `properties.sku`, with `family` `A` (sometimes absent) and
//! `name` `standard` or `premium`. A Managed HSM has `sku` at the top level, with `family`
//! `B` and names like `Standard_B1`. Its `properties.securityDomainProperties.activationStatus`
//! is in API version 2023-07-01 but not in the 2020 preview recorded in tests/cases.

use super::json_scan::{JsonDocument, Value};
use super::{invalid_input, lines_containing, shorten, Input};
use crate::error::Error;
use crate::facts::{source, Fact, Facts, Target};
use crate::parse::{InputKind, Parsed};

const VAULT_TYPE: &str = "microsoft.keyvault/vaults";
const MHSM_TYPE: &str = "microsoft.keyvault/managedhsms";

pub(super) fn looks_like_json(document: &JsonDocument) -> bool {
    let typed = document
        .string("type")
        .map(str::to_ascii_lowercase)
        .is_some_and(|kind| kind == VAULT_TYPE || kind == MHSM_TYPE);
    typed
        || document.has_key("vaultUri")
        || document.has_key("hsmUri")
        || (document.has_key("sku") && document.has_key("provisioningState"))
}

pub(super) fn looks_like_text(cleaned: &str) -> bool {
    powershell_fields(cleaned).sku.is_some() || not_found_error(cleaned).is_some()
}

pub(super) fn read(input: &Input) -> Result<Parsed, Error> {
    if let Some((name, target)) = not_found_error(input.cleaned) {
        return Ok(read_not_found(name, target));
    }
    if input.cleaned.contains('{') {
        let document = input.json()?;
        if looks_like_json(document) {
            return Ok(read_json(document));
        }
    }
    let fields = powershell_fields(input.cleaned);
    if fields.sku.is_some() || fields.name.is_some() {
        return Ok(read_powershell(fields));
    }
    Err(invalid_input(
        input,
        "az keyvault show",
        "a vault resource with \"sku\" and \"properties\", a PowerShell `SKU : ...` list, or an error saying the vault was not found",
    ))
}

fn read_json(document: &JsonDocument) -> Parsed {
    let mut facts = Facts::default();
    let mut warnings = Vec::new();
    let azure = &mut facts.azure;
    let resource_type = document.string("type").map(str::to_ascii_lowercase);
    let sku_name = document.first_string(&["properties.sku.name", "sku.name"]);
    let sku_family = document.first_string(&["properties.sku.family", "sku.family"]);
    let id = document.string("id");

    let target = if let Some(kind) = resource_type
        .as_deref()
        .filter(|kind| *kind == MHSM_TYPE || *kind == VAULT_TYPE)
    {
        Some(if kind == MHSM_TYPE {
            Target::ManagedHsm
        } else {
            Target::KeyVault
        })
    } else if document.has_key("hsmUri")
        || id.is_some_and(|id| id.to_ascii_lowercase().contains("/managedhsms/"))
    {
        Some(Target::ManagedHsm)
    } else if document.has_key("vaultUri")
        || id.is_some_and(|id| id.to_ascii_lowercase().contains("/vaults/"))
    {
        Some(Target::KeyVault)
    } else if let Some(family) = sku_family {
        match family {
            "B" => Some(Target::ManagedHsm),
            "A" => Some(Target::KeyVault),
            _ => None,
        }
    } else {
        sku_name.map(|name| {
            if is_managed_hsm_sku(name) {
                Target::ManagedHsm
            } else {
                Target::KeyVault
            }
        })
    };

    if let Some(target) = target {
        azure.vault_kind = Some(Fact::new(target, source::AZ_KEYVAULT_SHOW));
    }
    azure.vault_found = Some(Fact::new(true, source::AZ_KEYVAULT_SHOW));
    if let Some(sku) = sku_name {
        let sku = match target {
            Some(Target::ManagedHsm) => sku.to_owned(),
            _ => sku.to_ascii_lowercase(),
        };
        azure.vault_sku = Some(Fact::new(sku, source::AZ_KEYVAULT_SHOW));
    } else {
        warnings.push("The output has no sku name, so the vault SKU is not known.".to_owned());
    }
    if sku_name.is_some() && sku_family.is_none() {
        warnings.push("The sku has no \"family\"; the SKU name was used alone.".to_owned());
    }

    let name = match document.get_exact("name") {
        Some(Value::String(name)) => Some(name.to_string()),
        _ => None,
    }
    .or_else(|| id.and_then(|id| id.rsplit('/').next()).map(str::to_owned))
    .or_else(|| {
        document
            .first_string(&["vaultUri", "hsmUri"])
            .and_then(name_from_uri)
    })
    .filter(|name| !name.is_empty());
    if let Some(name) = &name {
        azure.vault_name = Some(Fact::new(name.clone(), source::AZ_KEYVAULT_SHOW));
    }
    let resource_group = document
        .string("resourceGroup")
        .map(str::to_owned)
        .or_else(|| id.and_then(resource_group_from_id));
    if let Some(group) = resource_group {
        azure.resource_group = Some(Fact::new(group, source::AZ_KEYVAULT_SHOW));
    }
    if let Some(state) =
        document.first_string(&["properties.provisioningState", "provisioningState"])
    {
        azure.vault_provisioning_state =
            Some(Fact::new(state.to_owned(), source::AZ_KEYVAULT_SHOW));
    }
    let activation = document.first_string(&[
        "properties.securityDomainProperties.activationStatus",
        "securityDomainProperties.activationStatus",
    ]);
    if let Some(status) = activation {
        azure.mhsm_activation_status = Some(Fact::new(status.to_owned(), source::AZ_KEYVAULT_SHOW));
    } else if target == Some(Target::ManagedHsm) {
        warnings.push(
            "The output has no securityDomainProperties (an older API version), so whether the Managed HSM's security domain is activated is not known; run `az keyvault show --hsm-name <name>` with a current Azure CLI.".to_owned(),
        );
    }
    if let Some(warning) = document.repair_warning() {
        warnings.push(warning);
    }

    let what = match target {
        Some(Target::ManagedHsm) => "for a Managed HSM",
        Some(Target::KeyVault) => "for a Key Vault",
        None => "for a vault of unknown kind",
    };
    let shape = if document.has_key("resourceGroup") {
        "CLI"
    } else {
        "ARM"
    };
    let mut label = format!("az keyvault show output {what} ({shape} JSON)");
    if let Some(name) = &name {
        label.push_str(&format!(", '{}'", shorten(name, 64)));
    }
    Parsed {
        kind: InputKind::KeyvaultShow,
        label,
        facts,
        warnings,
    }
}

/// Managed HSM SKU names: `Standard_B1`, `Custom_B32`, `Custom_B6`.
fn is_managed_hsm_sku(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (lower.starts_with("standard_b") || lower.starts_with("custom_b"))
        && lower.len() > "standard_".len()
}

fn name_from_uri(uri: &str) -> Option<String> {
    let host = uri
        .trim()
        .strip_prefix("https://")?
        .split(['/', ':'])
        .next()?;
    Some(host.split('.').next()?.to_owned())
}

fn resource_group_from_id(id: &str) -> Option<String> {
    let mut parts = id.split('/');
    parts.find(|part| part.eq_ignore_ascii_case("resourceGroups"))?;
    parts
        .next()
        .filter(|group| !group.is_empty())
        .map(str::to_owned)
}

#[derive(Default)]
struct PowershellFields {
    name: Option<String>,
    resource_group: Option<String>,
    sku: Option<String>,
    managed_hsm: bool,
}

/// Reads the `Name : value` list that `Get-AzKeyVault` and `New-AzKeyVault` print.
fn powershell_fields(cleaned: &str) -> PowershellFields {
    let mut fields = PowershellFields::default();
    for (_, line) in lines_containing(cleaned, &[" :"]) {
        let Some((key, value)) = line
            .split_once(" : ")
            .or_else(|| line.trim_end().strip_suffix(" :").map(|key| (key, "")))
        else {
            continue;
        };
        let key: String = key
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "vaultname" => fields.name = Some(value.to_owned()),
            "hsmname" | "managedhsmname" => {
                fields.name = Some(value.to_owned());
                fields.managed_hsm = true;
            }
            "resourcegroupname" | "resourcegroup" => fields.resource_group = Some(value.to_owned()),
            "sku" => fields.sku = Some(value.to_owned()),
            "hsmuri" => fields.managed_hsm = true,
            _ => {}
        }
    }
    // Only a list with a vault name or URI is a vault; `SKU : x` alone could be anything.
    if fields.name.is_none() && !cleaned.contains("Vault URI") && !fields.managed_hsm {
        fields.sku = None;
    }
    fields
}

fn read_powershell(fields: PowershellFields) -> Parsed {
    let mut facts = Facts::default();
    let azure = &mut facts.azure;
    let source = source::AZ_KEYVAULT_SHOW;
    let target = if fields.managed_hsm
        || fields.sku.as_deref().is_some_and(|sku| {
            is_managed_hsm_sku(sku) || sku.to_ascii_lowercase().starts_with("standardb")
        }) {
        Target::ManagedHsm
    } else {
        Target::KeyVault
    };
    azure.vault_kind = Some(Fact::new(target, source));
    azure.vault_found = Some(Fact::new(true, source));
    if let Some(sku) = &fields.sku {
        let sku = match target {
            Target::KeyVault => sku.to_ascii_lowercase(),
            Target::ManagedHsm => sku.clone(),
        };
        azure.vault_sku = Some(Fact::new(sku, source));
    }
    if let Some(name) = &fields.name {
        azure.vault_name = Some(Fact::new(name.clone(), source));
    }
    if let Some(group) = fields.resource_group {
        azure.resource_group = Some(Fact::new(group, source));
    }
    let what = match target {
        Target::ManagedHsm => "Managed HSM",
        Target::KeyVault => "Key Vault",
    };
    Parsed {
        kind: InputKind::KeyvaultShow,
        label: format!("Azure PowerShell output for a {what}"),
        facts,
        warnings: vec![
            "PowerShell's list output has no provisioning state; run `az keyvault show` to check that the vault is ready.".to_owned(),
        ],
    }
}

/// Finds a CLI error saying that a vault or Managed HSM does not exist. Returns the name
/// when the message quotes it, and the kind when the message names it.
fn not_found_error(cleaned: &str) -> Option<(Option<String>, Option<Target>)> {
    let markers = ["found", "Found", "exist"];
    for (_, line) in lines_containing(cleaned, &markers) {
        let lower = line.to_ascii_lowercase();
        let names_vault = lower.contains("vault")
            || lower.contains("managedhsm")
            || lower.contains("managed hsm");
        let reports_missing = lower.contains("not found")
            || lower.contains("resourcenotfound")
            || lower.contains("does not exist");
        // A missing key (`KeyNotFound`, "A key with (name/id) ...") is the key reader's.
        let is_key_error = lower.contains("keynotfound") || lower.contains("a key with");
        if !(names_vault && reports_missing)
            || is_key_error
            || lower.contains("\"") && lower.contains("\":")
        {
            continue;
        }
        let target = if lower.contains("managedhsm") || lower.contains("managed hsm") {
            Some(Target::ManagedHsm)
        } else {
            Some(Target::KeyVault)
        };
        let name = line
            .split('\'')
            .nth(1)
            .map(|quoted| quoted.rsplit('/').next().unwrap_or(quoted).to_owned())
            .filter(|name| !name.is_empty() && name.len() <= 64);
        return Some((name, target));
    }
    None
}

fn read_not_found(name: Option<String>, target: Option<Target>) -> Parsed {
    let mut facts = Facts::default();
    let azure = &mut facts.azure;
    azure.vault_found = Some(Fact::new(false, source::AZ_KEYVAULT_SHOW));
    if let Some(name) = &name {
        azure.vault_name = Some(Fact::new(name.clone(), source::AZ_KEYVAULT_SHOW));
    }
    if let Some(target) = target {
        azure.vault_kind = Some(Fact::new(target, source::AZ_KEYVAULT_SHOW));
    }
    let label = match &name {
        Some(name) => format!(
            "az keyvault show error: vault '{}' was not found",
            shorten(name, 64)
        ),
        None => "az keyvault show error: the vault was not found".to_owned(),
    };
    Parsed {
        kind: InputKind::KeyvaultShow,
        label,
        facts,
        warnings: Vec::new(),
    }
}
