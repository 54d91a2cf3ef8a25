//! HSM security configuration exported as XML with `hsm_sec_export_config`.
//!
//! Read: the device JCE process (`<jce_process><active>`), device Key Export and Key Extract
//! and setup password lifespan (under `<crypto_process>`), and each partition
//! (`<crypto_user>`). A partition with `state="enabled"` uses its own values; otherwise the
//! device's values apply to it. The export can hold secrets such as `<pkcs_password>`: this
//! reader reads only the elements named above, so no other text reaches facts or messages.
//!
//! DTDs are rejected, so entity expansion attacks fail before any expansion.

use roxmltree::{Document, Node, ParsingOptions};

use super::{find_fast, invalid_input, shorten, Input};
use crate::error::{Error, ErrorCode};
use crate::facts::{source, Fact, Facts};
use crate::parse::{InputKind, Parsed};

/// Most XML nodes read; the reference configuration has about 400.
const MAX_NODES: u32 = 1_000_000;

pub(super) fn looks_like(raw: &str) -> bool {
    let head = raw.get(..4096).unwrap_or(raw);
    head.contains("<primus") || raw.contains("<crypto_user") || raw.contains("<crypto_process")
}

/// Returns the XML part of a paste: from `<?xml` or `<primus` to the last `>`.
fn xml_region(raw: &str) -> Option<&str> {
    let start = find_fast(raw, "<?xml")
        .or_else(|| find_fast(raw, "<primus"))
        .or_else(|| raw.find('<'))?;
    let end = raw.rfind('>')?;
    raw.get(start..=end)
}

/// Reads `enabled`/`disabled` (also `true`/`false`, `1`/`0`) as a boolean.
fn switch(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "enabled" | "true" | "1" | "yes" | "on" => Some(true),
        "disabled" | "false" | "0" | "no" | "off" => Some(false),
        _ => None,
    }
}

fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children()
        .find(|child| child.is_element() && child.tag_name().name() == name)
}

fn child_text<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name)
        .and_then(|child| child.text())
        .map(str::trim)
}

/// Reads a yes/no setting. A value that is present but unreadable becomes a warning that does
/// not quote it: an edited export can hold anything there, a PIN included.
fn read_switch(node: Node, name: &str, place: &str, warnings: &mut Vec<String>) -> Option<bool> {
    let text = child_text(node, name)?;
    let value = switch(text);
    if value.is_none() {
        warnings.push(format!(
            "<{name}> {place} is neither enabled nor disabled; it was ignored."
        ));
    }
    value
}

fn read_hours(node: Node, place: &str, warnings: &mut Vec<String>) -> Option<u32> {
    let text = child_text(node, "setup_password_lifespan")?;
    let hours = text.parse::<u32>().ok();
    if hours.is_none() {
        warnings.push(format!(
            "<setup_password_lifespan> {place} is not a number of hours; it was ignored."
        ));
    }
    hours
}

struct Partition<'a, 'input> {
    name: String,
    node: Node<'a, 'input>,
    own_settings: bool,
}

pub(super) fn read(input: &Input, partition: Option<&str>) -> Result<Parsed, Error> {
    let Some(xml) = xml_region(input.raw) else {
        return Err(invalid_input(
            input,
            "HSM security configuration",
            "XML exported with hsm_sec_export_config, starting with <?xml or <primus",
        ));
    };
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(xml, options).map_err(|error| {
        Error::new(
            ErrorCode::InvalidInput,
            format!("the security configuration is not well-formed XML: {error}. Export it again with hsm_sec_export_config and paste the whole file"),
        )
    })?;
    let root = document.root_element();
    if root.tag_name().name() != "primus" {
        return Err(Error::new(
            ErrorCode::InvalidInput,
            format!(
                "expected a security configuration whose root element is <primus>, but it is <{}>",
                shorten(root.tag_name().name(), 40)
            ),
        ));
    }

    let mut facts = Facts::default();
    let mut warnings = Vec::new();
    let hsm = &mut facts.hsm;

    if let Some(jce) = child(root, "jce_process") {
        if let Some(active) = read_switch(jce, "active", "in <jce_process>", &mut warnings) {
            hsm.jce_device = Some(config_fact(active));
        }
    }
    let crypto = child(root, "crypto_process");
    let device_export =
        crypto.and_then(|node| read_switch(node, "export_keys", "of the device", &mut warnings));
    let device_extract =
        crypto.and_then(|node| read_switch(node, "extract_keys", "of the device", &mut warnings));
    let device_lifespan = crypto.and_then(|node| read_hours(node, "of the device", &mut warnings));
    if let Some(value) = device_export {
        hsm.device_key_export = Some(config_fact(value));
    }
    if let Some(value) = device_extract {
        hsm.device_key_extract = Some(config_fact(value));
    }
    if let Some(name) = root.attribute("name") {
        hsm.device_name = Some(config_fact(shorten(name, 64)));
    }

    let partitions: Vec<Partition> = crypto
        .map(|node| {
            node.children()
                .filter(|child| child.is_element() && child.tag_name().name() == "crypto_user")
                .map(|node| Partition {
                    name: child_text(node, "user_name").unwrap_or("").to_owned(),
                    own_settings: node
                        .attribute("state")
                        .is_some_and(|state| state.trim().eq_ignore_ascii_case("enabled")),
                    node,
                })
                .collect()
        })
        .unwrap_or_default();
    // Choices offered to the user: each name once, and never an empty one, which no
    // --partition can select.
    let mut names: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut unnamed = 0usize;
    let mut repeated: Vec<&str> = Vec::new();
    for partition in &partitions {
        let name = partition.name.trim();
        if name.is_empty() {
            unnamed += 1;
        } else if !seen.insert(name.to_ascii_lowercase()) {
            repeated.push(name);
        } else {
            names.push(name.to_owned());
        }
    }
    if unnamed > 0 {
        warnings.push(format!(
            "{unnamed} partition(s) (<crypto_user>) have no <user_name>, so they cannot be chosen."
        ));
    }
    if !repeated.is_empty() {
        let shown: Vec<String> = repeated
            .iter()
            .take(5)
            .map(|name| shorten(name, 64))
            .collect();
        warnings.push(format!(
            "{} partition name(s) appear more than once ({}); the first of each is read.",
            repeated.len(),
            shown.join(", ")
        ));
    }

    let chosen = match (partition, partitions.len()) {
        (Some(wanted), _) => {
            let wanted = wanted.trim();
            match partitions
                .iter()
                .find(|partition| partition.name.trim().eq_ignore_ascii_case(wanted))
            {
                Some(found) => Some(found),
                None => {
                    // Keep the device settings, and record why the partition's are missing.
                    let reason = format!(
                        "partition '{}' is not in this security configuration; its partitions are: {}",
                        shorten(wanted, 64),
                        if names.is_empty() { "none".to_owned() } else { names.join(", ") }
                    );
                    warnings.push(format!("Partition settings not read: {reason}."));
                    hsm.partition_choices = Some(config_fact(names.clone()));
                    facts.unavailable.insert("hsm.partition".to_owned(), reason);
                    None
                }
            }
        }
        (None, 1) => partitions.first(),
        (None, 0) => {
            warnings.push("The configuration has no partition (<crypto_user>), so only the device settings were read.".to_owned());
            None
        }
        (None, _) if names.len() == 1 => partitions
            .iter()
            .find(|partition| partition.name.trim() == names[0]),
        (None, _) => {
            let reason = format!(
                "the security configuration has {} partitions ({}); name the one to check",
                names.len(),
                names.join(", ")
            );
            warnings.push(format!("Partition settings not read: {reason}."));
            hsm.partition_choices = Some(config_fact(names.clone()));
            facts.unavailable.insert("hsm.partition".to_owned(), reason);
            None
        }
    };

    let hsm = &mut facts.hsm;
    if let Some(partition) = chosen {
        let node = partition.node;
        let place = format!("of partition {}", shorten(&partition.name, 64));
        hsm.partition = Some(config_fact(partition.name.clone()));
        hsm.partition_own_settings = Some(config_fact(partition.own_settings));
        let own_export = read_switch(node, "export_keys", &place, &mut warnings);
        let own_extract = read_switch(node, "extract_keys", &place, &mut warnings);
        let own_lifespan = read_hours(node, &place, &mut warnings);
        let (export, extract, lifespan) = if partition.own_settings {
            (own_export, own_extract, own_lifespan.or(device_lifespan))
        } else {
            (device_export, device_extract, device_lifespan)
        };
        if let Some(value) = export {
            hsm.key_export = Some(config_fact(value));
        }
        if let Some(value) = extract {
            hsm.key_extract = Some(config_fact(value));
        }
        if let Some(hours) = lifespan {
            hsm.setup_password_lifespan_hours = Some(config_fact(hours));
        }
        if let Some(value) = read_switch(node, "jce_allowed", &place, &mut warnings) {
            hsm.jce_partition = Some(config_fact(value));
        }
    } else if let Some(hours) = device_lifespan.filter(|_| partitions.is_empty()) {
        hsm.setup_password_lifespan_hours = Some(config_fact(hours));
    }

    let label = match chosen {
        Some(partition) => format!(
            "HSM security configuration (XML), partition {}{}",
            shorten(&partition.name, 64),
            if partition.own_settings {
                " with its own settings"
            } else {
                " using the device settings"
            }
        ),
        None => format!(
            "HSM security configuration (XML) with {} partition(s)",
            partitions.len()
        ),
    };
    Ok(Parsed {
        kind: InputKind::HsmSecurityConfig,
        label,
        facts,
        warnings,
    })
}

fn config_fact<T>(value: T) -> Fact<T> {
    Fact::new(value, source::SECURITY_CONFIG)
}
