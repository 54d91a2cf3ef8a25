//! Rules for the HSM side: firmware, policy of device and partition, setup password, key flags.

use super::outcome::Outcome;
use super::Context;
use crate::facts::{Fact, HsmService, KeyType};
use crate::time::{format_rfc3339, parse_rfc3339};
use crate::version::{parse_version, Scheme, VersionSet};

const CLOUDHSM_PRECONFIGURED: &str = "CloudHSM partitions come preconfigured for Azure BYOK";

/// Default setup password lifespan on an on-premises Primus HSM, in hours.
const PRIMUS_LIFESPAN_HOURS: u32 = 72;
/// Setup password lifespan on CloudHSM, in hours (one week).
const CLOUDHSM_LIFESPAN_HOURS: u32 = 168;
/// Clock difference tolerated before an issue time counts as in the future, in seconds.
const CLOCK_SKEW_SECONDS: i64 = 5 * 60;
/// Below this many seconds left, a valid setup password is a warning.
const SETUP_PASSWORD_WARNING_SECONDS: i64 = 24 * 3600;

pub(super) fn firmware(context: &Context) -> Outcome {
    let facts = context.facts;
    let required = "2.8.21 or later for EC keys";
    let fact = facts.hsm.firmware.as_ref();

    // RSA and AES keys set no firmware minimum.
    if context
        .key_type
        .is_some_and(|key_type| key_type != KeyType::Ec)
    {
        let outcome = Outcome::skipped(
            "The firmware minimum applies only to EC target keys; RSA and AES keys set none."
                .to_owned(),
        );
        return match fact {
            Some(fact) => outcome
                .observed(fact.value.clone())
                .used("hsm.firmware", Some(fact)),
            None => outcome,
        };
    }

    let Some(fact) = fact else {
        return Outcome::missing(facts, required, &["hsm.firmware"]);
    };
    if fact.source == crate::facts::source::EXAMPLE {
        return Outcome::unknown_text(format!(
            "The firmware {} is an example value from sample code, not read from your HSM. Run `java -jar primus-tools.jar GetDeviceInfo <connection>` and give its output.",
            fact.value
        ))
        .with_missing(&["hsm.firmware"])
        .observed(fact.value.clone())
        .used("hsm.firmware", Some(fact));
    }

    let version = match parse_version(&fact.value, Scheme::Firmware) {
        Ok(version) => version,
        Err(error) => {
            return Outcome::unknown_text(format!(
                "{error}. Run `java -jar primus-tools.jar GetDeviceInfo <connection>` and give its output."
            ))
            .observed(fact.value.clone())
            .used("hsm.firmware", Some(fact));
        }
    };

    let minimum = VersionSet::at_least(2, 8, 21);
    let shown = version.short();
    let outcome = if minimum.contains(&version.version) {
        Outcome::pass(
            required,
            format!("Firmware {shown} supports exporting EC keys."),
        )
    } else if context.key_type == Some(KeyType::Ec) {
        Outcome::fail(
            required,
            format!(
                "Firmware {shown} is older than 2.8.21, the first that exports EC keys for BYOK."
            ),
        )
    } else {
        Outcome::unknown_text(format!(
            "Firmware {shown} is older than 2.8.21: enough for RSA and AES keys, not for EC keys. Choose the target key type."
        ))
        .with_missing(&["context.key_type"])
    };
    outcome
        .observed(fact.value.clone())
        .used("hsm.firmware", Some(fact))
}

/// Decides a yes/no HSM policy setting. CloudHSM passes unless a fact contradicts it.
fn policy_check(
    context: &Context,
    path: &'static str,
    fact: Option<&Fact<bool>>,
    required: &'static str,
    enabled_message: impl FnOnce() -> String,
    disabled_message: impl FnOnce() -> String,
) -> Outcome {
    let facts = context.facts;
    let outcome = match (fact, context.service) {
        (Some(fact), _) if fact.value => Outcome::pass(required, enabled_message()),
        (Some(_), _) => Outcome::fail(required, disabled_message()),
        (None, Some(HsmService::Cloudhsm)) => Outcome::pass(
            required,
            format!("{CLOUDHSM_PRECONFIGURED}; no fact says otherwise."),
        )
        .observed("CloudHSM default"),
        (None, _) if facts.unavailable.contains_key("hsm.partition") => {
            let reason = facts
                .unavailable
                .get("hsm.partition")
                .map_or("", String::as_str);
            Outcome::unknown_text(format!(
                "The partition's settings could not be read: {reason}. Name the partition with --partition, or choose it on the page."
            ))
            .with_missing(&["hsm.partition"])
        }
        (None, _) => {
            let choices = facts
                .hsm
                .partition_choices
                .as_ref()
                .filter(|fact| fact.value.len() > 1);
            match choices {
                Some(choices) => Outcome::unknown_text(format!(
                    "The security configuration has several partitions ({}); name the one to check with --partition.",
                    choices.value.join(", ")
                ))
                .with_missing(&["hsm.partition"]),
                None => Outcome::missing(facts, required, &[path]),
            }
        }
    };
    match fact {
        Some(fact) => {
            let shown = if fact.value { "enabled" } else { "disabled" };
            outcome.observed(shown).used(path, Some(fact))
        }
        None => outcome,
    }
}

fn partition_label(context: &Context) -> String {
    context
        .facts
        .hsm
        .partition
        .as_ref()
        .map(|fact| format!("partition {}", fact.value))
        .unwrap_or_else(|| "the partition".to_owned())
}

/// Explains where a partition's effective setting came from.
fn inherited_note(context: &Context, device: Option<&Fact<bool>>) -> &'static str {
    let inherits = context
        .facts
        .hsm
        .partition_own_settings
        .as_ref()
        .is_some_and(|fact| !fact.value);
    match (inherits, device) {
        (true, Some(_)) => " The partition uses the device settings (crypto_user state=\"disabled\"), so the device-level value applies.",
        _ => "",
    }
}

pub(super) fn jce_device(context: &Context) -> Outcome {
    let fact = context.facts.hsm.jce_device.as_ref();
    let disabled = || {
        if context.service == Some(HsmService::Cloudhsm) {
            "The JCE API is not active for this CloudHSM subscription; ask Securosys to include and activate it.".to_owned()
        } else {
            "The JCE interface is disabled on the device; Primus Tools cannot connect.".to_owned()
        }
    };
    policy_check(
        context,
        "hsm.jce_device",
        fact,
        "JCE license and JCE interface enabled on the device",
        || "The JCE interface is enabled on the device.".to_owned(),
        disabled,
    )
}

pub(super) fn jce_partition(context: &Context) -> Outcome {
    let partition = partition_label(context);
    policy_check(
        context,
        "hsm.jce_partition",
        context.facts.hsm.jce_partition.as_ref(),
        "JCE enabled for the partition",
        || format!("JCE is enabled for {partition}."),
        || format!("JCE is disabled for {partition}; Primus Tools cannot use it."),
    )
}

pub(super) fn key_export(context: &Context) -> Outcome {
    let partition = partition_label(context);
    let note = inherited_note(context, context.facts.hsm.device_key_export.as_ref());
    policy_check(
        context,
        "hsm.key_export",
        context.facts.hsm.key_export.as_ref(),
        "Key Export enabled for the partition",
        || format!("Key Export is enabled for {partition}.{note}"),
        || {
            format!("Key Export is disabled for {partition}, so AzureByokExport cannot export the wrapped key.{note}")
        },
    )
}

pub(super) fn key_extract(context: &Context) -> Outcome {
    let partition = partition_label(context);
    let note = inherited_note(context, context.facts.hsm.device_key_extract.as_ref());
    policy_check(
        context,
        "hsm.key_extract",
        context.facts.hsm.key_extract.as_ref(),
        "Key Extract enabled for the partition",
        || format!("Key Extract is enabled for {partition}.{note}"),
        || {
            format!("Key Extract is disabled for {partition}, so the target key cannot be wrapped under the KEK.{note}")
        },
    )
}

pub(super) fn setup_password(context: &Context) -> Outcome {
    let facts = context.facts;
    let hsm = &facts.hsm;
    let required =
        "valid setup password (issued less than its lifespan ago), or permanent secret fetched";
    if let Some(fetched) = hsm
        .permanent_secret_fetched
        .as_ref()
        .filter(|fact| fact.value)
    {
        return Outcome::pass(
            required,
            "The permanent secret has been fetched; it replaces the setup password and does not expire.".to_owned(),
        )
        .observed("permanent secret fetched")
        .used("hsm.permanent_secret_fetched", Some(fetched));
    }
    let Some(issued) = hsm.setup_password_issued_at.as_ref() else {
        return Outcome::missing(facts, required, &["hsm.setup_password_issued_at"]).used(
            "hsm.permanent_secret_fetched",
            hsm.permanent_secret_fetched.as_ref(),
        );
    };
    let Some(issued_at) = parse_rfc3339(&issued.value) else {
        return Outcome::unknown_text(format!(
            "could not read the time '{}'; give it in RFC 3339 form such as 2026-01-31T12:00:00Z.",
            issued.value
        ))
        .used("hsm.setup_password_issued_at", Some(issued));
    };
    let Some(now) = context.now else {
        return Outcome::missing(facts, required, &["now"])
            .used("hsm.setup_password_issued_at", Some(issued));
    };
    // Allow a few minutes of clock difference between the HSM client and this computer.
    if issued_at > now + CLOCK_SKEW_SECONDS {
        return Outcome::unknown_text(format!(
            "The setup password's issue time {} is later than now ({}); check the time entered and the computer's clock.",
            issued.value,
            format_rfc3339(now)
        ))
        .with_missing(&["hsm.setup_password_issued_at"])
        .used("hsm.setup_password_issued_at", Some(issued));
    }

    // The lifespan comes from the configuration, or the service's default.
    let lifespans: Vec<(u32, &str)> =
        match (hsm.setup_password_lifespan_hours.as_ref(), context.service) {
            (Some(fact), _) => vec![(fact.value, "configured")],
            (None, Some(HsmService::Cloudhsm)) => {
                vec![(CLOUDHSM_LIFESPAN_HOURS, "CloudHSM default")]
            }
            (None, Some(HsmService::Primus)) => vec![(PRIMUS_LIFESPAN_HOURS, "Primus HSM default")],
            (None, None) => vec![
                (PRIMUS_LIFESPAN_HOURS, "Primus HSM default"),
                (CLOUDHSM_LIFESPAN_HOURS, "CloudHSM default"),
            ],
        };
    let judge = |hours: u32| -> (crate::report::Status, i64) {
        let expires = issued_at + i64::from(hours) * 3600;
        let left = expires - now;
        let status = if left <= 0 {
            crate::report::Status::Fail
        } else if left < SETUP_PASSWORD_WARNING_SECONDS {
            crate::report::Status::Warn
        } else {
            crate::report::Status::Pass
        };
        (status, expires)
    };
    let judged: Vec<_> = lifespans.iter().map(|&(hours, _)| judge(hours)).collect();
    let outcome = if judged.windows(2).any(|pair| pair[0].0 != pair[1].0) {
        Outcome::unknown_text(format!(
            "The setup password issued {} is still valid under the CloudHSM lifespan (168 hours) but not under the Primus HSM default (72 hours). Choose the HSM service, or give the configured lifespan.",
            issued.value
        ))
        .with_missing(&["context.hsm_service"])
    } else {
        let (status, expires) = judged[0];
        let (hours, origin) = lifespans[0];
        let expiry = format_rfc3339(expires);
        let hours_left = (expires - now) / 3600;
        match status {
            crate::report::Status::Fail => Outcome::fail(
                required,
                format!("The setup password expired at {expiry} ({hours} hours, {origin}), and the permanent secret has not been fetched."),
            ),
            crate::report::Status::Warn => Outcome::warn(
                required,
                format!("The setup password expires at {expiry}, in less than {} hours; fetch the permanent secret before then.", hours_left + 1),
            ),
            _ => Outcome::pass(
                required,
                format!("The setup password is valid until {expiry} ({hours} hours, {origin})."),
            ),
        }
    };
    outcome
        .observed(format!("issued {}", issued.value))
        .used("hsm.setup_password_issued_at", Some(issued))
        .used(
            "hsm.setup_password_lifespan_hours",
            hsm.setup_password_lifespan_hours.as_ref(),
        )
        .used(
            "hsm.permanent_secret_fetched",
            hsm.permanent_secret_fetched.as_ref(),
        )
}

pub(super) fn target_key_flags(context: &Context) -> Outcome {
    let facts = context.facts;
    let key = &facts.hsm.target_key;
    let required = "sensitive and extractable";
    let name = key
        .name
        .as_ref()
        .map(|fact| format!("'{}' ", fact.value))
        .unwrap_or_default();
    let mut missing = Vec::new();
    let mut problems = Vec::new();
    let mut observed = Vec::new();
    for (path, fact, yes, no) in [
        (
            "hsm.target_key.sensitive",
            &key.sensitive,
            "sensitive",
            "nonsensitive",
        ),
        (
            "hsm.target_key.extractable",
            &key.extractable,
            "extractable",
            "nonextractable",
        ),
    ] {
        match fact {
            Some(fact) if fact.value => observed.push(yes),
            Some(_) => {
                observed.push(no);
                problems.push(no);
            }
            None => missing.push(path),
        }
    }
    let outcome = if !problems.is_empty() {
        Outcome::fail(
            required,
            format!(
                "The target key {name}is {}; AzureByokExport needs a key created with -flags sensitive,extractable.",
                problems.join(" and ")
            ),
        )
    } else if !missing.is_empty() {
        Outcome::missing(facts, required, &missing)
    } else {
        Outcome::pass(
            required,
            format!("The target key {name}is sensitive and extractable."),
        )
    };
    let outcome = if observed.is_empty() {
        outcome
    } else {
        outcome.observed(observed.join(", "))
    };
    outcome
        .used("hsm.target_key.sensitive", key.sensitive.as_ref())
        .used("hsm.target_key.extractable", key.extractable.as_ref())
}
