//! The facts model: everything a check may need, each value with the source it came from.
//!
//! Every field is optional. A facts document is JSON with a `schema_version`, so a bundle
//! written on one computer (or by the browser page) can be read on another:
//!
//! ```json
//! {
//!   "schema_version": 1,
//!   "context": { "target": { "value": "key-vault", "source": "entered by user" } },
//!   "azure": { "cli_version": { "value": "2.61.0", "source": "az version" } }
//! }
//! ```
//!
//! Versions and times are kept as the text the tool printed (`RX-2.11.2-T`, `1.8.0_292`,
//! `2024-05-01T10:00:00Z`). The checks read them, so an unreadable value becomes an `unknown`
//! check that quotes the text, never a silent default.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorCode};

/// The facts schema version this build reads and writes.
pub const FACTS_SCHEMA_VERSION: u32 = 1;

/// Largest facts document accepted, in bytes. Larger input is rejected before parsing.
pub const MAX_FACTS_BYTES: usize = 4 * 1024 * 1024;

/// Well-known fact sources. Hosts may use other text; these keep reports consistent.
pub mod source {
    pub const USER: &str = "entered by user";
    pub const AZ_VERSION: &str = "az version";
    pub const AZ_VERSION_TEXT: &str = "az --version";
    pub const AZ_CLI_PROCESS: &str = "azure-cli (in process)";
    pub const AZ_PROFILE: &str = "az account (CLI profile)";
    pub const AZ_KEYVAULT_SHOW: &str = "az keyvault show";
    pub const AZ_KEYVAULT_KEY_SHOW: &str = "az keyvault key show";
    pub const GET_DEVICE_INFO: &str = "Primus Tools GetDeviceInfo";
    pub const LIST_KEY_FLAGS: &str = "Primus Tools ListKeyFlags";
    pub const COMMAND_HELP: &str = "Primus Tools AzureByokExport -help";
    /// The signature check of the Primus JCE provider jar, which prints the provider version.
    pub const JCE_PROVIDER: &str = "Primus JCE provider jar check";
    pub const LC_DISPLAY: &str = "HSM LC display";
    pub const HSM_CONSOLE: &str = "HSM console";
    pub const SECURITY_CONFIG: &str = "security config XML";
    pub const JAVA_VERSION: &str = "java -version";
    pub const BYOK_FILE: &str = ".byok file";
    pub const CLOUDHSM_DEFAULT: &str = "CloudHSM service default";
    /// Values shown as examples (sample code, documentation), not read from a device. Checks
    /// never decide on them.
    pub const EXAMPLE: &str = "example value in sample code";
}

/// One observed value and where it was observed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact<T> {
    pub value: T,
    /// Origin of the value, for example `az version` or `security config XML`.
    #[serde(default = "unspecified_source")]
    pub source: String,
}

fn unspecified_source() -> String {
    "unspecified".to_owned()
}

impl<T> Fact<T> {
    pub fn new(value: T, source: impl Into<String>) -> Self {
        Fact {
            value,
            source: source.into(),
        }
    }
}

/// Destination of the key: a Key Vault (Premium SKU) or a Managed HSM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    KeyVault,
    ManagedHsm,
}

/// Origin of the key: an on-premises Primus HSM or a CloudHSM partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HsmService {
    Primus,
    #[serde(alias = "CloudHSM")]
    Cloudhsm,
}

/// Type of the target key, as `az keyvault key import --kty` names it (without `-HSM`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyType {
    #[serde(rename = "RSA", alias = "rsa", alias = "RSA-HSM")]
    Rsa,
    #[serde(rename = "EC", alias = "ec", alias = "EC-HSM")]
    Ec,
    #[serde(
        rename = "oct",
        alias = "OCT",
        alias = "AES",
        alias = "aes",
        alias = "oct-HSM"
    )]
    Oct,
}

/// The transfer being planned: what goes where.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextFacts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Fact<Target>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsm_service: Option<Fact<HsmService>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_type: Option<Fact<KeyType>>,
    /// Target key size in bits (RSA: 2048, 3072, 4096; oct: 128, 192, 256).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_size: Option<Fact<u32>>,
    /// Target key curve for EC keys: `P-256`, `P-384`, `P-521` or `P-256K`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curve: Option<Fact<String>>,
}

/// The key exchange key (KEK) in the vault, as `az keyvault key show` reports it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KekFacts {
    /// Key identifier URL: `https://<vault>.vault.azure.net/keys/<name>/<version>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<Fact<String>>,
    /// Key type as the vault reports it, for example `RSA-HSM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kty: Option<Fact<String>>,
    /// RSA modulus size in bits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_bits: Option<Fact<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_ops: Option<Fact<Vec<String>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Fact<bool>>,
    /// Expiry time, RFC 3339 (`2020-03-12T13:47:51Z`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Fact<String>>,
    /// Activation time, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<Fact<String>>,
}

/// Facts from the Azure side: the CLI, the login, the vault and the KEK.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AzureFacts {
    /// Azure CLI version as printed, for example `2.61.0` or `2.54.0b1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cli_version: Option<Fact<String>>,
    /// Whether `az --version` marked the CLI itself for update (`*` on the `azure-cli` line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cli_update_available: Option<Fact<bool>>,
    /// Installed CLI extensions, name to version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cli_extensions: Option<Fact<BTreeMap<String, String>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logged_in: Option<Fact<bool>>,
    /// Subscription state as `az account show` prints it: `Enabled`, `Disabled`, `Warned`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_state: Option<Fact<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<Fact<String>>,
    /// Name of the Key Vault or Managed HSM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vault_name: Option<Fact<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_group: Option<Fact<String>>,
    /// False when Azure reported that the vault does not exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vault_found: Option<Fact<bool>>,
    /// Kind of the vault resource: a Key Vault or a Managed HSM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vault_kind: Option<Fact<Target>>,
    /// SKU name: `standard` or `premium` for a Key Vault, `Standard_B1` or `Custom_B32` for a Managed HSM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vault_sku: Option<Fact<String>>,
    /// ARM provisioning state, for example `Succeeded` or `RegisteringDns`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vault_provisioning_state: Option<Fact<String>>,
    /// Managed HSM security domain activation status: `Active` or `NotActivated`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mhsm_activation_status: Option<Fact<String>>,
    #[serde(default, skip_serializing_if = "KekFacts::is_empty")]
    pub kek: KekFacts,
}

/// Flags of the target key on the HSM, as `ListKeyFlags` prints them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetKeyFacts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Fact<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitive: Option<Fact<bool>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extractable: Option<Fact<bool>>,
}

/// Facts from the HSM side: firmware, policy of the device and the partition, setup password.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HsmFacts {
    /// Firmware version as printed, for example `RX-2.11.2-T` or `V2.8.46`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firmware: Option<Fact<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_name: Option<Fact<String>>,
    /// Partition (user) name on the HSM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<Fact<String>>,
    /// Partitions found in a security configuration when none was chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_choices: Option<Fact<Vec<String>>>,
    /// Whether the partition uses its own policy (`crypto_user state="enabled"`) or the device's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_own_settings: Option<Fact<bool>>,
    /// Device-level JCE interface (`<jce_process><active>`), which needs the JCE license.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jce_device: Option<Fact<bool>>,
    /// Partition-level JCE access (`<jce_allowed>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jce_partition: Option<Fact<bool>>,
    /// Device-level Key Export, for the message when the partition inherits it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_key_export: Option<Fact<bool>>,
    /// Device-level Key Extract, for the message when the partition inherits it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_key_extract: Option<Fact<bool>>,
    /// Key Export in effect for the partition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_export: Option<Fact<bool>>,
    /// Key Extract in effect for the partition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_extract: Option<Fact<bool>>,
    /// When the setup password was issued or first used, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup_password_issued_at: Option<Fact<String>>,
    /// Setup password lifespan in hours (`setup_password_lifespan`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup_password_lifespan_hours: Option<Fact<u32>>,
    /// True once the permanent secret has been fetched with the setup password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permanent_secret_fetched: Option<Fact<bool>>,
    #[serde(default, skip_serializing_if = "TargetKeyFacts::is_empty")]
    pub target_key: TargetKeyFacts,
}

/// Tools on the HSM client computer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolFacts {
    /// False when `java` was not found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub java_present: Option<Fact<bool>>,
    /// Java version as printed, for example `1.8.0_292` or `17.0.15+6`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub java_version: Option<Fact<String>>,
    /// Java vendor or runtime name, for example `Temurin`, `Oracle`, `IBM Semeru`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub java_vendor: Option<Fact<String>>,
    /// Primus Tools or JCE provider version as printed: `v2.3.7` or the packed `2.27020220408`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primus_tools_version: Option<Fact<String>>,
    /// Result of probing `AzureByokExport -help`: true when the command exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azure_byok_export_available: Option<Fact<bool>>,
}

/// Contents of a `.byok` file written by `AzureByokExport`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByokFileFacts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_version: Option<Fact<String>>,
    /// `header.kid`: the KEK the file was wrapped for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<Fact<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alg: Option<Fact<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enc: Option<Fact<String>>,
    /// Length of the decoded ciphertext in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ciphertext_bytes: Option<Fact<u64>>,
    /// False when the ciphertext is not valid base64url.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ciphertext_valid: Option<Fact<bool>>,
    /// `generator` field, for example `Primus Java BYOK-Tool v1.2; GRIMSEL RX-2.9.0-T`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generator: Option<Fact<String>>,
}

/// Everything known about one planned transfer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "ContextFacts::is_empty")]
    pub context: ContextFacts,
    #[serde(default, skip_serializing_if = "AzureFacts::is_empty")]
    pub azure: AzureFacts,
    #[serde(default, skip_serializing_if = "HsmFacts::is_empty")]
    pub hsm: HsmFacts,
    #[serde(default, skip_serializing_if = "ToolFacts::is_empty")]
    pub tools: ToolFacts,
    #[serde(default, skip_serializing_if = "ByokFileFacts::is_empty")]
    pub byok_file: ByokFileFacts,
    /// Reasons facts could not be gathered, keyed by fact path (`azure.kek`, `hsm.firmware`).
    /// A check whose fact is missing quotes the reason for that path or its nearest parent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unavailable: BTreeMap<String, String>,
}

macro_rules! impl_is_empty {
    ($($type:ty),*) => {
        $(impl $type {
            /// Returns true when no field is set.
            pub fn is_empty(&self) -> bool {
                *self == <$type>::default()
            }
        })*
    };
}
impl_is_empty!(
    ContextFacts,
    KekFacts,
    AzureFacts,
    TargetKeyFacts,
    HsmFacts,
    ToolFacts,
    ByokFileFacts
);

impl Default for Facts {
    fn default() -> Self {
        Facts {
            schema_version: FACTS_SCHEMA_VERSION,
            context: ContextFacts::default(),
            azure: AzureFacts::default(),
            hsm: HsmFacts::default(),
            tools: ToolFacts::default(),
            byok_file: ByokFileFacts::default(),
            unavailable: BTreeMap::new(),
        }
    }
}

/// A value that a merge replaced with a different one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Replaced {
    /// Fact path, for example `hsm.firmware`.
    pub path: String,
    pub old: serde_json::Value,
    pub new: serde_json::Value,
}

impl Facts {
    /// Reads a facts document from JSON text.
    ///
    /// Errors name the field path and what was expected, for example
    /// `azure.kek.size_bits.value: invalid type: string "big", expected u32`.
    pub fn from_json(text: &str) -> Result<Facts, Error> {
        if text.len() > MAX_FACTS_BYTES {
            return Err(Error::new(
                ErrorCode::InputTooLarge,
                format!(
                    "the facts document is {} bytes; the limit is {} bytes",
                    text.len(),
                    MAX_FACTS_BYTES
                ),
            ));
        }
        let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
            Error::new(
                ErrorCode::InvalidFacts,
                format!("the facts document is not valid JSON: {error}"),
            )
        })?;
        Facts::from_value(value)
    }

    /// Reads a facts document from a parsed JSON value; see [`Facts::from_json`].
    pub fn from_value(value: serde_json::Value) -> Result<Facts, Error> {
        let Some(object) = value.as_object() else {
            return Err(Error::new(
                ErrorCode::InvalidFacts,
                "the facts document must be a JSON object with a schema_version".to_owned(),
            ));
        };
        match object.get("schema_version") {
            None => {
                return Err(Error::new(
                    ErrorCode::InvalidFacts,
                    format!(
                        "schema_version: missing; add \"schema_version\": {FACTS_SCHEMA_VERSION}"
                    ),
                ))
            }
            Some(version) if version.as_u64() != Some(u64::from(FACTS_SCHEMA_VERSION)) => {
                return Err(Error::new(
                    ErrorCode::UnsupportedSchema,
                    format!(
                        "schema_version: unsupported value {version}; this build reads facts schema version {FACTS_SCHEMA_VERSION}"
                    ),
                ))
            }
            Some(_) => {}
        }
        serde_path_to_error::deserialize(value).map_err(|error| {
            let path = error.path().to_string();
            Error::new(
                ErrorCode::InvalidFacts,
                format!("{path}: {}", error.into_inner()),
            )
        })
    }

    /// Writes the facts as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Merges `other` into `self`: every fact set in `other` replaces the one in `self`.
    ///
    /// Returns the facts whose value changed, so a host can warn that two inputs disagree.
    /// Facts set only in `self` are kept.
    pub fn merge(&mut self, other: &Facts) -> Vec<Replaced> {
        // Going through the JSON text reuses the (de)serializers that `to_json` and
        // `from_value` already need, which keeps the WebAssembly build smaller.
        let as_value = |facts: &Facts| serde_json::from_str::<serde_json::Value>(&facts.to_json());
        let mut replaced = Vec::new();
        let (Ok(mut base), Ok(update)) = (as_value(self), as_value(other)) else {
            return replaced;
        };
        merge_values(&mut base, &update, String::new(), &mut replaced);
        if let Ok(merged) = Facts::from_value(base) {
            *self = merged;
        }
        replaced
    }
}

/// Returns true for a `Fact` object (it has `value`) or any non-object value.
fn is_leaf(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Object(map) => map.contains_key("value"),
        _ => true,
    }
}

fn merge_values(
    base: &mut serde_json::Value,
    update: &serde_json::Value,
    path: String,
    replaced: &mut Vec<Replaced>,
) {
    let (Some(base_map), Some(update_map)) = (base.as_object_mut(), update.as_object()) else {
        return;
    };
    for (key, new_value) in update_map {
        if key == "schema_version" {
            continue;
        }
        let child_path = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match base_map.get_mut(key) {
            Some(old_value) if !is_leaf(old_value) && !is_leaf(new_value) => {
                merge_values(old_value, new_value, child_path, replaced);
            }
            Some(old_value) => {
                let old_inner = old_value.get("value").unwrap_or(old_value);
                let new_inner = new_value.get("value").unwrap_or(new_value);
                if old_inner != new_inner {
                    replaced.push(Replaced {
                        path: child_path,
                        old: old_value.clone(),
                        new: new_value.clone(),
                    });
                }
                *old_value = new_value.clone();
            }
            None => {
                base_map.insert(key.clone(), new_value.clone());
            }
        }
    }
}
