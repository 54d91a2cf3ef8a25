//! The result of one rule before it becomes a [`crate::report::CheckResult`], and the wording
//! for missing facts.

use std::borrow::Cow;

use crate::facts::{source, Fact, Facts};
use crate::report::{Evidence, Status};

pub(crate) struct Outcome {
    pub status: Status,
    pub observed: Option<Cow<'static, str>>,
    pub required: Cow<'static, str>,
    pub message: String,
    pub missing: Vec<&'static str>,
    pub evidence: Vec<Evidence>,
}

/// Well-known sources, so evidence can borrow them instead of copying.
const KNOWN_SOURCES: [&str; 18] = [
    source::USER,
    source::AZ_VERSION,
    source::AZ_VERSION_TEXT,
    source::AZ_CLI_PROCESS,
    source::AZ_PROFILE,
    source::AZ_KEYVAULT_SHOW,
    source::AZ_KEYVAULT_KEY_SHOW,
    source::GET_DEVICE_INFO,
    source::LIST_KEY_FLAGS,
    source::COMMAND_HELP,
    source::LC_DISPLAY,
    source::HSM_CONSOLE,
    source::SECURITY_CONFIG,
    source::JAVA_VERSION,
    source::BYOK_FILE,
    source::CLOUDHSM_DEFAULT,
    source::EXAMPLE,
    "unspecified",
];

fn intern_source(text: &str) -> Cow<'static, str> {
    match KNOWN_SOURCES.iter().find(|known| **known == text) {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(text.to_owned()),
    }
}

impl Outcome {
    pub fn new(status: Status, required: impl Into<Cow<'static, str>>, message: String) -> Outcome {
        Outcome {
            status,
            observed: None,
            required: required.into(),
            message,
            missing: Vec::new(),
            evidence: Vec::with_capacity(4),
        }
    }

    pub fn pass(required: impl Into<Cow<'static, str>>, message: String) -> Outcome {
        Outcome::new(Status::Pass, required, message)
    }

    pub fn fail(required: impl Into<Cow<'static, str>>, message: String) -> Outcome {
        Outcome::new(Status::Fail, required, message)
    }

    pub fn warn(required: impl Into<Cow<'static, str>>, message: String) -> Outcome {
        Outcome::new(Status::Warn, required, message)
    }

    pub fn skipped(message: String) -> Outcome {
        Outcome::new(Status::Skipped, "", message)
    }

    pub fn unknown_text(message: String) -> Outcome {
        Outcome::new(Status::Unknown, "", message)
    }

    /// Builds an `unknown` outcome for missing facts that names each fact, the reason a
    /// host recorded for it, and how to get it.
    pub fn missing(
        facts: &Facts,
        required: impl Into<Cow<'static, str>>,
        paths: &[&'static str],
    ) -> Outcome {
        let mut sentences: Vec<String> = Vec::with_capacity(paths.len());
        for path in paths {
            let sentence = describe_missing(facts, path);
            if !sentences.contains(&sentence) {
                sentences.push(sentence);
            }
        }
        let mut outcome = Outcome::new(Status::Unknown, required, sentences.join(" "));
        outcome.missing = paths.to_vec();
        outcome
    }

    pub fn observed(mut self, observed: impl Into<Cow<'static, str>>) -> Outcome {
        self.observed = Some(observed.into());
        self
    }

    pub fn with_missing(mut self, paths: &[&'static str]) -> Outcome {
        self.missing.extend_from_slice(paths);
        self
    }

    /// Records that the decision used this fact.
    pub fn used<T>(mut self, path: &'static str, fact: Option<&Fact<T>>) -> Outcome {
        if let Some(fact) = fact {
            self.evidence.push(Evidence {
                fact: Cow::Borrowed(path),
                source: intern_source(&fact.source),
            });
        }
        self
    }
}

/// Describes a missing fact in one sentence: the host's reason if it gave one, then how to get it.
pub(crate) fn describe_missing(facts: &Facts, path: &str) -> String {
    let (label, hint) = fact_help(path);
    match unavailable_reason(facts, path) {
        Some(reason) => format!("{label} could not be read: {reason}. {hint}"),
        None => format!("{label} is not known. {hint}"),
    }
}

/// Returns the reason a host recorded for this path or its nearest parent (`azure.kek` for
/// `azure.kek.kty`).
fn unavailable_reason<'a>(facts: &'a Facts, path: &str) -> Option<&'a str> {
    let mut prefix = path;
    loop {
        if let Some(reason) = facts.unavailable.get(prefix) {
            return Some(reason.as_str());
        }
        match prefix.rfind('.') {
            Some(index) => prefix = &prefix[..index],
            None => return None,
        }
    }
}

/// Returns a label for a fact path and how an operator gets the fact.
pub(crate) fn fact_help(path: &str) -> (&'static str, &'static str) {
    match path {
        "context.target" => ("The target (Key Vault or Managed HSM)", "Choose it with --vault-name or --hsm-name, or on the page."),
        "context.hsm_service" => ("The HSM service (on-premises Primus HSM or CloudHSM)", "Choose it with --hsm-service primus|cloudhsm, or on the page."),
        "context.key_type" => ("The target key type", "Choose it with --key-type RSA|EC|oct, or on the page."),
        "context.key_size" => ("The target key size", "Give it with --key-size (bits)."),
        "context.curve" => ("The target key curve", "Give it with --curve P-256|P-384|P-521|P-256K."),
        "azure.cli_version" => ("The Azure CLI version", "Run `az version` and give its output."),
        "azure.logged_in" => ("The Azure sign-in state", "Run `az account show`; sign in with `az login`."),
        "azure.subscription_state" => ("The subscription state", "Run `az account show --query state`."),
        "azure.vault_sku" | "azure.vault_kind" => ("The vault's SKU", "Run `az keyvault show --name <vault-name>` (or `--hsm-name` for a Managed HSM) and give its output."),
        "azure.vault_found" | "azure.vault_provisioning_state" => ("The vault's provisioning state", "Run `az keyvault show --name <vault-name>` (or `--hsm-name` for a Managed HSM) and give its output."),
        "azure.mhsm_activation_status" => ("The Managed HSM's security domain activation status", "Run `az keyvault show --hsm-name <hsm-name>` with Azure CLI 2.44 or later and give its output."),
        "azure.kek" | "azure.kek.kid" => ("The key exchange key (KEK)", "Run `az keyvault key show --vault-name <vault-name> --name <kek-name>` (`--hsm-name` for a Managed HSM) and give its output."),
        "azure.kek.kty" => ("The KEK's key type", "Run `az keyvault key show --vault-name <vault-name> --name <kek-name>` (`--hsm-name` for a Managed HSM) and give its output."),
        "azure.kek.size_bits" => ("The KEK's size", "Run `az keyvault key show --vault-name <vault-name> --name <kek-name>` (`--hsm-name` for a Managed HSM) and give its output."),
        "azure.kek.key_ops" => ("The KEK's key operations", "Run `az keyvault key show --vault-name <vault-name> --name <kek-name>` (`--hsm-name` for a Managed HSM) and give its output."),
        "hsm.firmware" => ("The HSM firmware version", "Run `java -jar primus-tools.jar GetDeviceInfo <connection>`, or read it on the LC display or with `hsm_diagnostics fw`."),
        "hsm.jce_device" => ("The device JCE setting", "Export the security configuration with `hsm_sec_export_config` and give the XML file."),
        "hsm.jce_partition" => ("The partition's JCE setting", "Export the security configuration with `hsm_sec_export_config` and give the XML file with the partition name."),
        "hsm.key_export" => ("The partition's Key Export setting", "Export the security configuration with `hsm_sec_export_config` and give the XML file, or run `hsm_sec_enter_user_config` then `hsm_user_list_config key_export` on the console."),
        "hsm.key_extract" => ("The partition's Key Extract setting", "Export the security configuration with `hsm_sec_export_config` and give the XML file, or run `hsm_sec_enter_user_config` then `hsm_user_list_config key_extract` on the console."),
        "hsm.setup_password_issued_at" => ("When the setup password was issued", "Give the time it was issued, or confirm that the permanent secret has been fetched."),
        "hsm.permanent_secret_fetched" => ("Whether the permanent secret was fetched", "Confirm whether Primus Tools already fetched the permanent secret."),
        "hsm.target_key" | "hsm.target_key.sensitive" | "hsm.target_key.extractable" => ("Whether the target key is sensitive and extractable", "Run `java -jar primus-tools.jar ListKeyFlags <connection> -keyname <key-name>` and give its output."),
        "tools.java_version" | "tools.java_present" => ("The Java version", "Run `java -version` on the HSM client computer and give its output."),
        "tools.azure_byok_export_available" => ("Whether Primus Tools has the AzureByokExport command", "Run `java -jar primus-tools.jar AzureByokExport -help` and give its output."),
        "tools.primus_tools_version" => ("The Primus Tools version", "Run `java -jar primus-tools.jar GetDeviceInfo <connection>` for the JCE provider version and give its output."),
        "now" => ("The current time", "The host passes it; give --now or the `now` option."),
        _ => ("A required fact", "Give the tool output that contains it."),
    }
}
