//! The catalogue of prerequisites: one rule per check, with its thresholds, the document each
//! threshold comes from, and the fix.
//!
//! Check ids are a public contract: reports, skip lists and test vectors use them. Remediation
//! for HSM settings gives both ways the vendor documents, the LC display menu path and the
//! console commands, exactly as the vendor writes them. Placeholders in angle brackets
//! (`<vault-name>`, `<kek-name>`, `<partition>`, `<key-name>`, `<resource-group>`) are filled in
//! from the facts when they are known.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Group of checks, in the order a report lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Azure,
    Hsm,
    Tools,
    Byok,
}

impl Category {
    pub fn title(self) -> &'static str {
        match self {
            Category::Azure => "Azure",
            Category::Hsm => "HSM",
            Category::Tools => "HSM client tools",
            Category::Byok => "BYOK file",
        }
    }
}

/// Lines of text that are usually static but can be filled in from facts.
pub type Lines = Cow<'static, [Cow<'static, str>]>;

/// How to fix a failing check. Empty ways are left out of the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remediation {
    /// One sentence: what to do.
    pub summary: Cow<'static, str>,
    /// Menu path on the HSM's LC display (Primus X/S-Series).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub lc_display: Lines,
    /// Commands on the HSM console (all Primus HSM series).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub console: Lines,
    /// Azure CLI commands.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub az: Lines,
    /// Other steps: Primus Tools commands, downloads, requests to a vendor.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub steps: Lines,
}

/// One threshold and the document it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Threshold {
    /// When this threshold applies, for example `target key is EC`.
    pub applies_when: &'static str,
    pub requirement: &'static str,
    pub source: &'static str,
}

/// A prerequisite and how it is checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub id: &'static str,
    pub title: &'static str,
    pub category: Category,
    /// Why the prerequisite matters.
    pub description: &'static str,
    pub thresholds: &'static [Threshold],
    /// Fact paths the check reads.
    pub facts: &'static [&'static str],
    pub remediation: Remediation,
    /// Azure CLI commands used in place of `remediation.az` when the target is a Managed HSM,
    /// whose commands take `--hsm-name`; empty when the same commands apply.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub managed_hsm_az: Lines,
    /// The fix when the HSM is a CloudHSM partition, whose owner has no SO role, LC display or
    /// console: a request to Securosys. Empty when the general fix applies.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub cloudhsm_fix: &'static str,
}

/// Documents the thresholds come from.
pub mod sources {
    pub const SECUROSYS_PREREQUISITES: &str =
        "Securosys docs, Azure BYOK: Prerequisites (docs.securosys.com, microsoft-byok)";
    pub const SECUROSYS_KEK: &str = "Securosys docs, Azure BYOK: Generate KEK";
    pub const SECUROSYS_WRAP: &str = "Securosys docs, Azure BYOK: Generate and Wrap Target Key";
    pub const SECUROSYS_TRANSFER: &str = "Securosys docs, Azure BYOK: Transfer Target Key";
    pub const PRIMUS_TOOLS_INSTALL: &str = "Securosys docs, Primus Tools: Installation";
    pub const PRIMUS_TOOLS_PREREQUISITES: &str = "Securosys docs, Primus Tools: Prerequisites";
    pub const PRIMUS_TOOLS_CONNECT: &str = "Securosys docs, Primus Tools: Connect the HSM";
    pub const JCE_QUICKSTART: &str = "Securosys docs, JCE provider: Quickstart";
    pub const PRIMUS_REFERENCE_CONFIG: &str =
        "Securosys Primus HSM reference security configuration (hsm_sec_export_config, firmware 2.11.1)";
    pub const MS_BYOK: &str = "Microsoft Learn, Import HSM-protected keys to Key Vault (BYOK)";
    pub const MS_MHSM_BYOK: &str =
        "Microsoft Learn, Import HSM-protected keys to Managed HSM (BYOK)";
    pub const MS_BYOK_SPEC: &str = "Microsoft Learn, Bring your own key specification";
    pub const AZ_RELEASE_NOTES: &str = "Azure CLI release notes";
    pub const AZ_RELEASE_NOTES_EC_INFERENCE: &str =
        "Azure CLI release notes: --curve on BYOK import arrived in 2.19.0 (that EC import needs it is an inference)";
    pub const ORACLE_JAVA8_NOTES: &str =
        "Oracle JDK 8u161 release notes (unlimited cryptography policy enabled by default)";
}

use sources::*;

macro_rules! lines {
    ($($line:expr),* $(,)?) => {
        Cow::Borrowed(&[$(Cow::Borrowed($line)),*])
    };
}

const NO_LINES: Lines = Cow::Borrowed(&[]);

/// All rules, in report order.
pub static RULES: &[Rule] = &[
    Rule {
        id: "azure.cli.version",
        title: "Azure CLI version",
        category: Category::Azure,
        description: "The KEK is created and the .byok file imported with the Azure CLI. Older \
            releases lack the BYOK arguments the procedure uses.",
        thresholds: &[
            Threshold {
                applies_when: "target is a Key Vault",
                requirement: "2.1.0 or later",
                source: SECUROSYS_PREREQUISITES,
            },
            Threshold {
                applies_when: "target is a Managed HSM",
                requirement: "2.12.0 or later",
                source: MS_MHSM_BYOK,
            },
            Threshold {
                applies_when: "target key is oct (--kty on BYOK import)",
                requirement: "2.17.0 or later",
                source: AZ_RELEASE_NOTES,
            },
            Threshold {
                applies_when: "target key is EC (--curve on BYOK import)",
                requirement: "2.19.0 or later",
                source: AZ_RELEASE_NOTES_EC_INFERENCE,
            },
        ],
        facts: &["azure.cli_version", "context.target", "context.key_type"],
        remediation: Remediation {
            summary: Cow::Borrowed("Upgrade the Azure CLI."),
            lc_display: NO_LINES,
            console: NO_LINES,
            az: lines!["az upgrade"],
            steps: lines![
                "Before 2.11.0, `az upgrade` does not exist: install the current release from https://aka.ms/installazurecli"
            ],
        },
        managed_hsm_az: NO_LINES,
        cloudhsm_fix: "",
    },
    Rule {
        id: "azure.login",
        title: "Signed in to Azure with an active subscription",
        category: Category::Azure,
        description: "Creating the KEK and importing the key need a signed-in account and an \
            enabled subscription.",
        thresholds: &[Threshold {
            applies_when: "always",
            requirement: "signed in; subscription state Enabled",
            source: SECUROSYS_PREREQUISITES,
        }],
        facts: &["azure.logged_in", "azure.subscription_state"],
        remediation: Remediation {
            summary: Cow::Borrowed("Sign in and select an enabled subscription."),
            lc_display: NO_LINES,
            console: NO_LINES,
            az: lines![
                "az login",
                "az account list --output table",
                "az account set --subscription <subscription-id>"
            ],
            steps: NO_LINES,
        },
        managed_hsm_az: NO_LINES,
        cloudhsm_fix: "",
    },
    Rule {
        id: "azure.vault.sku",
        title: "Key Vault Premium SKU or Managed HSM",
        category: Category::Azure,
        description: "Only a Premium Key Vault or a Managed HSM can hold HSM-protected keys \
            (RSA-HSM, EC-HSM, oct-HSM); a Standard vault rejects the KEK and the import.",
        thresholds: &[
            Threshold {
                applies_when: "target is a Key Vault",
                requirement: "SKU premium",
                source: SECUROSYS_PREREQUISITES,
            },
            Threshold {
                applies_when: "target is a Managed HSM",
                requirement: "a Managed HSM resource (SKU family B, for example Standard_B1)",
                source: MS_MHSM_BYOK,
            },
        ],
        facts: &["azure.vault_kind", "azure.vault_sku", "context.target"],
        remediation: Remediation {
            summary: Cow::Borrowed(
                "Change the vault to the Premium SKU, or use a Premium vault or a Managed HSM.",
            ),
            lc_display: NO_LINES,
            console: NO_LINES,
            az: lines![
                "az keyvault update --name <vault-name> --resource-group <resource-group> --set properties.sku.name=premium",
                "az keyvault create --name <new-vault-name> --resource-group <resource-group> --location <location> --sku premium"
            ],
            steps: NO_LINES,
        },
        managed_hsm_az: lines![
            "az keyvault show --hsm-name <hsm-name>",
            "az keyvault create --hsm-name <hsm-name> --resource-group <resource-group> --location <location> --administrators <object-id> --retention-days 7",
        ],
        cloudhsm_fix: "",
    },
    Rule {
        id: "azure.vault.ready",
        title: "Vault exists and is ready",
        category: Category::Azure,
        description: "The vault must exist and be provisioned; a Managed HSM must also be \
            activated by downloading its security domain.",
        thresholds: &[
            Threshold {
                applies_when: "always",
                requirement: "vault found; provisioningState Succeeded",
                source: MS_BYOK,
            },
            Threshold {
                applies_when: "target is a Managed HSM",
                requirement: "security domain activationStatus Active",
                source: MS_MHSM_BYOK,
            },
        ],
        facts: &[
            "azure.vault_found",
            "azure.vault_provisioning_state",
            "azure.mhsm_activation_status",
        ],
        remediation: Remediation {
            summary: Cow::Borrowed(
                "Create the vault, wait for provisioning to finish, and activate a Managed HSM.",
            ),
            lc_display: NO_LINES,
            console: NO_LINES,
            az: lines![
                "az keyvault show --name <vault-name>",
                "az keyvault create --name <vault-name> --resource-group <resource-group> --location <location> --sku premium"
            ],
            steps: NO_LINES,
        },
        managed_hsm_az: lines![
            "az keyvault show --hsm-name <hsm-name>",
            "az keyvault security-domain download --hsm-name <hsm-name> --sd-wrapping-keys <cert1.cer> <cert2.cer> <cert3.cer> --sd-quorum 2 --security-domain-file <hsm-name>-SD.json",
        ],
        cloudhsm_fix: "",
    },
    Rule {
        id: "azure.kek",
        title: "Key exchange key (KEK)",
        category: Category::Azure,
        description: "AzureByokExport wraps the target key with the KEK's public key. The KEK \
            must be an HSM-protected RSA key allowed only to import, in the vault that receives \
            the target key.",
        thresholds: &[
            Threshold {
                applies_when: "always",
                requirement: "kty RSA-HSM; 2048, 3072 or 4096 bits; key operations exactly [\"import\"]",
                source: SECUROSYS_KEK,
            },
            Threshold {
                applies_when: "always",
                requirement: "enabled, not expired, in the same vault as the target key",
                source: MS_BYOK,
            },
        ],
        facts: &[
            "azure.kek.kid",
            "azure.kek.kty",
            "azure.kek.size_bits",
            "azure.kek.key_ops",
            "azure.kek.enabled",
            "azure.kek.expires",
            "azure.vault_name",
        ],
        remediation: Remediation {
            summary: Cow::Borrowed(
                "Create a KEK of type RSA-HSM with key operation import only, then download its public key.",
            ),
            lc_display: NO_LINES,
            console: NO_LINES,
            az: lines![
                "az keyvault key create --kty RSA-HSM --size 4096 --name <kek-name> --ops import --vault-name <vault-name>",
                "az keyvault key download --name <kek-name> --vault-name <vault-name> --file <kek-name>.publickey.pem"
            ],
            steps: NO_LINES,
        },
        managed_hsm_az: lines![
            "az keyvault key create --kty RSA-HSM --size 4096 --name <kek-name> --ops import --hsm-name <hsm-name>",
            "az keyvault key download --name <kek-name> --hsm-name <hsm-name> --file <kek-name>.publickey.pem",
        ],
        cloudhsm_fix: "",
    },
    Rule {
        id: "azure.key-type",
        title: "Target key type accepted by the vault",
        category: Category::Azure,
        description: "Azure imports only some key types and sizes by BYOK; AES (oct) keys only \
            into a Managed HSM.",
        thresholds: &[
            Threshold {
                applies_when: "target key is RSA",
                requirement: "2048, 3072 or 4096 bits",
                source: MS_BYOK_SPEC,
            },
            Threshold {
                applies_when: "target key is EC",
                requirement: "curve P-256, P-384, P-521 or P-256K",
                source: MS_BYOK_SPEC,
            },
            Threshold {
                applies_when: "target key is oct (AES)",
                requirement: "128, 192 or 256 bits, into a Managed HSM only",
                source: MS_MHSM_BYOK,
            },
        ],
        facts: &["context.key_type", "context.key_size", "context.curve", "context.target"],
        remediation: Remediation {
            summary: Cow::Borrowed(
                "Choose a key type and size that Azure imports, or a Managed HSM for AES keys.",
            ),
            lc_display: NO_LINES,
            console: NO_LINES,
            az: NO_LINES,
            steps: lines![
                "RSA: 2048, 3072 or 4096 bits. EC: P-256, P-384, P-521 or P-256K. oct (AES): 128, 192 or 256 bits, Managed HSM only."
            ],
        },
        managed_hsm_az: NO_LINES,
        cloudhsm_fix: "",
    },
    Rule {
        id: "hsm.firmware",
        title: "HSM firmware",
        category: Category::Hsm,
        description: "Exporting EC keys for BYOK needs firmware 2.8.21 or later; RSA and AES \
            keys set no minimum.",
        thresholds: &[Threshold {
            applies_when: "target key is EC",
            requirement: "2.8.21 or later",
            source: SECUROSYS_PREREQUISITES,
        }],
        facts: &["hsm.firmware", "context.key_type"],
        remediation: Remediation {
            summary: Cow::Borrowed(
                "Update the HSM firmware to 2.8.21 or later; firmware is available from the Securosys Support Portal.",
            ),
            lc_display: NO_LINES,
            console: lines!["hsm_diagnostics fw"],
            steps: lines![
                "Read the firmware with `java -jar primus-tools.jar GetDeviceInfo <connection>` or on the LC display start screen.",
                "Download the firmware update from the Securosys Support Portal (https://support.securosys.com) and install it as its release notes describe."
            ],
            az: NO_LINES,
        },
        managed_hsm_az: NO_LINES,
        cloudhsm_fix: "CloudHSM: Securosys maintains the firmware; ask Securosys support when the partition's HSM runs 2.8.21 or later.",
    },
    Rule {
        id: "hsm.jce.device",
        title: "JCE license and JCE API on the device",
        category: Category::Hsm,
        description: "Primus Tools talk to the HSM through the JCE interface, which needs the \
            JCE license and the device-level JCE setting.",
        thresholds: &[
            Threshold {
                applies_when: "on-premises Primus HSM",
                requirement: "JCE enabled in the device crypto policy (<jce_process><active>enabled)",
                source: SECUROSYS_PREREQUISITES,
            },
            Threshold {
                applies_when: "CloudHSM",
                requirement: "JCE API included and activated in the subscription",
                source: SECUROSYS_PREREQUISITES,
            },
        ],
        facts: &["hsm.jce_device", "context.hsm_service"],
        remediation: Remediation {
            summary: Cow::Borrowed(
                "Enable JCE in the device crypto policy (SO activation required). CloudHSM: ask Securosys to add the JCE API to the subscription.",
            ),
            lc_display: lines!["SETUP → CONFIGURATION → SECURITY → DEVICE SECURITY → CRYPTO POLICY → JCE"],
            console: lines!["hsm_sec_set_config jce=true"],
            az: NO_LINES,
            steps: NO_LINES,
        },
        managed_hsm_az: NO_LINES,
        cloudhsm_fix: "CloudHSM: ask Securosys to include and activate the JCE API in your CloudHSM subscription.",
    },
    Rule {
        id: "hsm.jce.partition",
        title: "JCE API on the partition",
        category: Category::Hsm,
        description: "The partition (user) must also allow the JCE interface.",
        thresholds: &[Threshold {
            applies_when: "on-premises Primus HSM",
            requirement: "JCE enabled in the user security policy (<jce_allowed>enabled)",
            source: SECUROSYS_PREREQUISITES,
        }],
        facts: &["hsm.jce_partition", "hsm.jce_device", "context.hsm_service"],
        remediation: Remediation {
            summary: Cow::Borrowed(
                "Enable JCE in the user security policy of the partition (SO activation required).",
            ),
            lc_display: lines!["SETUP → CONFIGURATION → SECURITY → USER SECURITY → JCE"],
            console: lines!["hsm_sec_enter_user_config", "hsm_user_set_config jce=true"],
            az: NO_LINES,
            steps: NO_LINES,
        },
        managed_hsm_az: NO_LINES,
        cloudhsm_fix: "CloudHSM: partitions come preconfigured for BYOK; ask Securosys support to enable JCE for the partition.",
    },
    Rule {
        id: "hsm.key-export",
        title: "Key Export allowed for the partition",
        category: Category::Hsm,
        description: "AzureByokExport exports the wrapped target key, which the partition's \
            policy must allow.",
        thresholds: &[Threshold {
            applies_when: "on-premises Primus HSM",
            requirement: "Key Export enabled on user/partition level",
            source: SECUROSYS_PREREQUISITES,
        }],
        facts: &["hsm.key_export", "context.hsm_service"],
        remediation: Remediation {
            summary: Cow::Borrowed(
                "Enable Key Export on user/partition level (SO activation required).",
            ),
            lc_display: lines!["SETUP → CONFIGURATION → SECURITY → USER SECURITY → KEY EXPORT"],
            console: lines!["hsm_sec_enter_user_config", "hsm_user_set_config key_export=true"],
            az: NO_LINES,
            steps: NO_LINES,
        },
        managed_hsm_az: NO_LINES,
        cloudhsm_fix: "CloudHSM: partitions come preconfigured for BYOK; ask Securosys support to enable Key Export for the partition.",
    },
    Rule {
        id: "hsm.key-extract",
        title: "Key Extract allowed for the partition",
        category: Category::Hsm,
        description: "Wrapping the target key under the KEK is a key extraction, which the \
            partition's policy must allow.",
        thresholds: &[Threshold {
            applies_when: "on-premises Primus HSM",
            requirement: "Key Extract enabled on user/partition level",
            source: SECUROSYS_PREREQUISITES,
        }],
        facts: &["hsm.key_extract", "context.hsm_service"],
        remediation: Remediation {
            summary: Cow::Borrowed(
                "Enable Key Extract on user/partition level (SO activation required).",
            ),
            lc_display: lines!["SETUP → CONFIGURATION → SECURITY → USER SECURITY → KEY EXTRACT"],
            console: lines!["hsm_sec_enter_user_config", "hsm_user_set_config key_extract=true"],
            az: NO_LINES,
            steps: NO_LINES,
        },
        managed_hsm_az: NO_LINES,
        cloudhsm_fix: "CloudHSM: partitions come preconfigured for BYOK; ask Securosys support to enable Key Extract for the partition.",
    },
    Rule {
        id: "hsm.setup-password",
        title: "Setup password valid or permanent secret fetched",
        category: Category::Hsm,
        description: "Primus Tools log in with the setup password until the permanent secret \
            has been fetched. The setup password expires a fixed time after it is issued.",
        thresholds: &[
            Threshold {
                applies_when: "on-premises Primus HSM",
                requirement: "issued less than setup_password_lifespan hours ago (default 72 hours)",
                source: PRIMUS_REFERENCE_CONFIG,
            },
            Threshold {
                applies_when: "CloudHSM",
                requirement: "issued less than one week (168 hours) ago",
                source: JCE_QUICKSTART,
            },
            Threshold {
                applies_when: "always",
                requirement: "or the permanent secret already fetched; warn when less than 24 hours are left",
                source: PRIMUS_TOOLS_CONNECT,
            },
        ],
        facts: &[
            "hsm.permanent_secret_fetched",
            "hsm.setup_password_issued_at",
            "hsm.setup_password_lifespan_hours",
            "context.hsm_service",
        ],
        remediation: Remediation {
            summary: Cow::Borrowed(
                "Issue a new setup password for the partition and fetch the permanent secret before it expires.",
            ),
            lc_display: lines!["ROLES → USER → NEW SETUP PASSWORD"],
            console: lines!["hsm_sec_new_setup_pass"],
            az: NO_LINES,
            steps: NO_LINES,
        },
        managed_hsm_az: NO_LINES,
        cloudhsm_fix: "CloudHSM: request a new setup password from Securosys support, then fetch the permanent secret before it expires.",
    },
    Rule {
        id: "hsm.target-key-flags",
        title: "Target key is sensitive and extractable",
        category: Category::Hsm,
        description: "AzureByokExport can wrap only a target key created with the flags \
            sensitive and extractable.",
        thresholds: &[Threshold {
            applies_when: "always",
            requirement: "flags sensitive and extractable",
            source: SECUROSYS_WRAP,
        }],
        facts: &["hsm.target_key.sensitive", "hsm.target_key.extractable"],
        remediation: Remediation {
            summary: Cow::Borrowed(
                "Create the target key with the flags sensitive,extractable; a key's flags cannot be changed to extractable later.",
            ),
            lc_display: NO_LINES,
            console: NO_LINES,
            az: NO_LINES,
            steps: lines![
                "java -jar primus-tools.jar CreateKey <connection> -keyname <key-name> -type RSA -size 4096 -flags sensitive,extractable",
                "java -jar primus-tools.jar ListKeyFlags <connection> -keyname <key-name>"
            ],
        },
        managed_hsm_az: NO_LINES,
        cloudhsm_fix: "",
    },
    Rule {
        id: "tools.java",
        title: "Java runtime for Primus Tools",
        category: Category::Tools,
        description: "Primus Tools is a Java program. Java 8 from Oracle before update 161 also \
            needs the unlimited-strength JCE policy files for 256-bit AES.",
        thresholds: &[
            Threshold {
                applies_when: "always",
                requirement: "Java 8 or later",
                source: PRIMUS_TOOLS_PREREQUISITES,
            },
            Threshold {
                applies_when: "Oracle Java 8",
                requirement: "the unlimited-strength policy files (default from 8u161 on)",
                source: ORACLE_JAVA8_NOTES,
            },
        ],
        facts: &["tools.java_present", "tools.java_version", "tools.java_vendor"],
        remediation: Remediation {
            summary: Cow::Borrowed("Install a Java runtime, version 8 or later, on the HSM client computer."),
            lc_display: NO_LINES,
            console: NO_LINES,
            az: NO_LINES,
            steps: lines![
                "Install a current LTS Java runtime (for example Eclipse Temurin 21) and make sure `java -version` finds it.",
                "Oracle Java 8 before 8u161: install the JCE Unlimited Strength Jurisdiction Policy Files, or update Java."
            ],
        },
        managed_hsm_az: NO_LINES,
        cloudhsm_fix: "",
    },
    Rule {
        id: "tools.primus-tools",
        title: "Primus Tools with AzureByokExport",
        category: Category::Tools,
        description: "The target key is wrapped by the Primus Tools command AzureByokExport. \
            The vendor's sources disagree on the first version that has it: the BYOK \
            prerequisites name Primus Tools 2.2.7, while the Primus Tools installation page says \
            JCE provider 2.3.6 and older lack the command. A probe of the command decides; \
            without one, 2.3.7 or later passes and 2.2.7 to 2.3.6 is a warning.",
        thresholds: &[
            Threshold {
                applies_when: "always",
                requirement: "Primus Tools 2.2.7 or later",
                source: SECUROSYS_PREREQUISITES,
            },
            Threshold {
                applies_when: "always",
                requirement: "JCE provider 2.3.7 or later (2.3.6 and older lack AzureByokExport)",
                source: PRIMUS_TOOLS_INSTALL,
            },
        ],
        facts: &["tools.azure_byok_export_available", "tools.primus_tools_version"],
        remediation: Remediation {
            summary: Cow::Borrowed(
                "Install the current Primus Tools (with its JCE provider) from the Securosys Support Portal.",
            ),
            lc_display: NO_LINES,
            console: NO_LINES,
            az: NO_LINES,
            steps: lines![
                "Confirm the command exists: java -jar primus-tools.jar AzureByokExport -help",
                "Download Primus Tools from the Securosys Support Portal (https://support.securosys.com)."
            ],
        },
        managed_hsm_az: NO_LINES,
        cloudhsm_fix: "",
    },
    Rule {
        id: "byok.file",
        title: ".byok file matches the KEK",
        category: Category::Byok,
        description: "The .byok file written by AzureByokExport must name the KEK that will \
            import it, in the format Azure reads; checked only when a .byok file is given.",
        thresholds: &[Threshold {
            applies_when: "a .byok file is given",
            requirement: "schema_version 1.0.0; alg dir; enc CKM_RSA_AES_KEY_WRAP; ciphertext base64url and longer than the KEK modulus; header.kid names the KEK's vault, name and version",
            source: SECUROSYS_TRANSFER,
        }],
        facts: &[
            "byok_file.schema_version",
            "byok_file.kid",
            "byok_file.alg",
            "byok_file.enc",
            "byok_file.ciphertext_bytes",
            "byok_file.ciphertext_valid",
            "azure.kek.kid",
            "azure.kek.size_bits",
        ],
        remediation: Remediation {
            summary: Cow::Borrowed(
                "Wrap the target key again with AzureByokExport, naming the KEK's kid and its downloaded public key.",
            ),
            lc_display: NO_LINES,
            console: NO_LINES,
            az: lines![
                "az keyvault key show --vault-name <vault-name> --name <kek-name> --query key.kid"
            ],
            steps: lines![
                "java -jar primus-tools.jar AzureByokExport <connection> -kekidentifier <kek-kid> -kekfile <kek-name>.publickey.pem -outfile <key-name>.byok -rsakey <key-name>"
            ],
        },
        managed_hsm_az: lines![
            "az keyvault key show --hsm-name <hsm-name> --name <kek-name> --query key.kid",
        ],
        cloudhsm_fix: "",
    },
];

/// Returns the rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.id == id)
}

/// Returns all check ids, in report order.
pub fn check_ids() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|rule| rule.id)
}

/// Writes the catalogue as Markdown: the text of `docs/checks.md`.
pub fn to_markdown() -> String {
    use std::fmt::Write;

    let mut out = String::new();
    let _ = writeln!(out, "# Checks\n");
    let _ = writeln!(
        out,
        "Generated from `core/src/catalogue.rs` by `UPDATE_DOCS=1 cargo test -p byok-prereqs-core --test docs`; do not edit by hand.\n"
    );
    let _ = writeln!(
        out,
        "Check ids are a public contract: reports, `--skip` lists and the shared vectors use them.\n"
    );
    let _ = writeln!(out, "| id | check | category |\n|---|---|---|");
    for rule in RULES {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} |",
            rule.id,
            rule.title,
            rule.category.title()
        );
    }
    for rule in RULES {
        let _ = writeln!(out, "\n## `{}`: {}\n", rule.id, rule.title);
        let _ = writeln!(out, "{}\n", rule.description);
        let _ = writeln!(
            out,
            "| applies when | requirement | source |\n|---|---|---|"
        );
        for threshold in rule.thresholds {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                threshold.applies_when,
                threshold.requirement.replace('|', "\\|"),
                threshold.source
            );
        }
        let facts: Vec<String> = rule.facts.iter().map(|fact| format!("`{fact}`")).collect();
        let _ = writeln!(out, "\nFacts read: {}.\n", facts.join(", "));
        let remediation = &rule.remediation;
        let _ = writeln!(out, "Fix: {}", remediation.summary);
        if !rule.cloudhsm_fix.is_empty() {
            let _ = writeln!(out, "\n{}", rule.cloudhsm_fix);
        }
        for (label, language, lines) in [
            (
                "HSM LC display (Primus X/S-Series)",
                "text",
                &remediation.lc_display,
            ),
            (
                "HSM console (all Primus HSM series)",
                "bash",
                &remediation.console,
            ),
            ("Azure CLI", "bash", &remediation.az),
            ("Steps", "text", &remediation.steps),
        ] {
            if lines.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{label}:\n\n```{language}");
            for line in lines.iter() {
                let _ = writeln!(out, "{line}");
            }
            let _ = writeln!(out, "```");
        }
    }
    out
}
