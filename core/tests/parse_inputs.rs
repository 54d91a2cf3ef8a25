//! `parse_text` beyond the real cases: recognition of each kind, wrong kinds, a security
//! configuration with several partitions, and bad input of every sort.

use std::path::Path;

use byok_core::parse::MAX_INPUT_BYTES;
use byok_core::{
    evaluate, parse_text, ErrorCode, EvaluateOptions, InputKind, ParseOptions, Parsed,
};

fn parse(text: &str) -> Result<Parsed, byok_core::Error> {
    parse_text(text, &ParseOptions::default())
}

fn parse_as(text: &str, kind: InputKind) -> Result<Parsed, byok_core::Error> {
    parse_text(
        text,
        &ParseOptions {
            kind: Some(kind),
            partition: None,
        },
    )
}

fn read_case(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/cases")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

const COMMAND_HELP: &str = "\
$ java -jar primus-tools.jar AzureByokExport -help
usage: AzureByokExport -host <host> -user <partition> -password <password>
       -kekidentifier <kid> -kekfile <pem> -outfile <file.byok> [-rsakey|-eckey|-aeskey <name>]
";

const FACTS_BUNDLE: &str = r#"{
  "schema_version": 1,
  "context": { "target": { "value": "key-vault", "source": "entered by user" } }
}"#;

const TWO_PARTITIONS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<primus version="2" minor="2" name="TEST-HSM" state="master">
  <jce_process><active>enabled</active></jce_process>
  <crypto_process>
    <setup_password_lifespan>72</setup_password_lifespan>
    <export_keys>disabled</export_keys>
    <extract_keys>disabled</extract_keys>
    <crypto_user state="enabled">
      <user_name>PART001</user_name>
      <setup_password_lifespan>24</setup_password_lifespan>
      <export_keys>enabled</export_keys>
      <extract_keys>enabled</extract_keys>
      <pkcs_password>SECRET-PIN-ONE</pkcs_password>
      <jce_allowed>enabled</jce_allowed>
    </crypto_user>
    <crypto_user state="disabled">
      <user_name>PART002</user_name>
      <setup_password_lifespan>12</setup_password_lifespan>
      <export_keys>enabled</export_keys>
      <extract_keys>enabled</extract_keys>
      <pkcs_password>SECRET-PIN-TWO</pkcs_password>
      <jce_allowed>disabled</jce_allowed>
    </crypto_user>
  </crypto_process>
</primus>
"#;

#[test]
fn recognition_of_each_kind() {
    let samples: [(&str, String); 10] = [
        (
            "az-version",
            read_case("az-version-json/006-2.9.1-nspkg-keys-windows.json"),
        ),
        (
            "keyvault-show",
            read_case("mhsm-show/006-cli-update-hsm-sorted-keys-1970-systemdata.txt"),
        ),
        (
            "keyvault-key",
            read_case("keyvault-key/002-rest-kek-rsa-hsm-2048-import-exp.json"),
        ),
        (
            "primus-device-info",
            read_case("securosys/001-primus-tools-getdeviceinfo-rx-2.11.2-T.txt"),
        ),
        (
            "primus-key-flags",
            read_case("securosys/listkeyflags-sensitive-extractable.txt"),
        ),
        ("primus-command-help", COMMAND_HELP.to_owned()),
        (
            "hsm-security-config",
            read_case("securosys/hsm-security-config-reference-v2.11.1.xml"),
        ),
        (
            "java-version",
            read_case("java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt"),
        ),
        (
            "byok-file",
            read_case("securosys/005-byok-file-generator-GRIMSEL-RX-2.9.0-T.json"),
        ),
        ("facts", FACTS_BUNDLE.to_owned()),
    ];
    for kind in InputKind::ALL {
        assert!(
            samples.iter().any(|(name, _)| *name == kind.as_str()),
            "no sample for {}",
            kind.as_str()
        );
    }
    for (name, text) in &samples {
        let parsed = parse(text).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(parsed.kind.as_str(), *name, "{}", parsed.label);
        assert!(!parsed.label.is_empty());
    }
}

#[test]
fn command_help_proves_command() {
    let parsed = parse(COMMAND_HELP).unwrap();
    let fact = parsed.facts.tools.azure_byok_export_available.unwrap();
    assert!(fact.value);
    let missing = "Unknown command: AzureByokExport\nAvailable commands: GetDeviceInfo, ListKeys";
    let parsed = parse_as(missing, InputKind::PrimusCommandHelp).unwrap();
    assert!(
        !parsed
            .facts
            .tools
            .azure_byok_export_available
            .unwrap()
            .value
    );
}

#[test]
fn keyvault_not_found_error() {
    let text = "ERROR: (ResourceNotFound) The Resource 'Microsoft.KeyVault/vaults/contoso-kv' under resource group 'contoso-rg' was not found.";
    let parsed = parse(text).unwrap();
    assert_eq!(parsed.kind, InputKind::KeyvaultShow);
    assert!(!parsed.facts.azure.vault_found.as_ref().unwrap().value);
    assert_eq!(parsed.facts.azure.vault_name.unwrap().value, "contoso-kv");
}

#[test]
fn java_missing_in_several_languages() {
    for text in [
        "'java' is not recognized as an internal or external command,\noperable program or batch file.",
        "bash: java: command not found",
        "Der Befehl \"java\" ist entweder falsch geschrieben oder\nkonnte nicht gefunden werden.\n\"java\" wird nicht als interner oder externer Befehl erkannt.",
        "'java' n'est pas reconnu en tant que commande interne",
        "\"java\" 不是内部或外部命令，也不是可运行的程序",
        "The operation couldn't be completed. Unable to locate a Java Runtime.",
    ] {
        let parsed = parse(text).unwrap_or_else(|error| panic!("{text}: {error}"));
        assert_eq!(parsed.kind, InputKind::JavaVersion, "{text}");
        assert!(!parsed.facts.tools.java_present.unwrap().value, "{text}");
        assert!(parsed.facts.tools.java_version.is_none(), "{text}");
    }
}

#[test]
fn java_traps_not_read_as_version() {
    // Java 6: the VM line's `build 11.0-b16` is the HotSpot build, not Java 11.
    let java6 = "java version \"1.6.0_45\"\nJava(TM) SE Runtime Environment (build 1.6.0_45-b06)\nJava HotSpot(TM) 64-Bit Server VM (build 11.0-b16, mixed mode)";
    let parsed = parse(java6).unwrap();
    assert_eq!(parsed.facts.tools.java_version.unwrap().value, "1.6.0_45");
    // GraalVM prints its own version on the runtime line.
    let graal = "openjdk version \"17.0.1\" 2021-10-19\nOpenJDK Runtime Environment GraalVM CE 21.3.0 (build 17.0.1+12-jvmci-21.3-b05)\nOpenJDK 64-Bit Server VM GraalVM CE 21.3.0 (build 17.0.1+12-jvmci-21.3-b05, mixed mode, sharing)";
    let parsed = parse(graal).unwrap();
    assert_eq!(parsed.facts.tools.java_version.unwrap().value, "17.0.1");
    assert_eq!(parsed.facts.tools.java_vendor.unwrap().value, "GraalVM");
    // The same version twice is one runtime, not an ambiguity.
    let twice = format!("{java6}\n\n{java6}");
    let parsed = parse(&twice).unwrap();
    assert_eq!(parsed.facts.tools.java_version.unwrap().value, "1.6.0_45");
}

#[test]
fn key_with_cli_shape_and_wrapped_modulus() {
    // 342 base64 characters are 256 bytes; `q` sets the top bit, `Q` ends on zero bits.
    let modulus = "q".repeat(341) + "Q";
    let wrapped: Vec<&str> = modulus
        .as_bytes()
        .chunks(60)
        .map(|chunk| std::str::from_utf8(chunk).unwrap())
        .collect();
    let text = format!(
        "{{\n  \"attributes\": {{ \"enabled\": true, \"expires\": \"2030-01-01T00:00:00+00:00\" }},\n  \"key\": {{\n    \"kid\": \"https://contoso-kv.vault.azure.net/keys/KEKforBYOK/0123456789abcdef0123456789abcdef\",\n    \"kty\": \"RSA-HSM\",\n    \"keyOps\": [\"import\"],\n    \"n\": \"{}\"\n  }}\n}}",
        wrapped.join("\n      ")
    );
    let parsed = parse(&text).unwrap();
    assert_eq!(parsed.kind, InputKind::KeyvaultKey);
    let kek = &parsed.facts.azure.kek;
    assert_eq!(
        kek.key_ops.as_ref().unwrap().value,
        vec!["import".to_owned()]
    );
    assert_eq!(kek.size_bits.as_ref().unwrap().value, 2048);
    assert_eq!(
        kek.expires.as_ref().unwrap().value,
        "2030-01-01T00:00:00+00:00"
    );
}

#[test]
fn wrong_kind_names_expected_and_found() {
    let java = read_case("java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt");
    let error = parse_as(&java, InputKind::KeyvaultShow).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(
        error.message.contains("az keyvault show"),
        "{}",
        error.message
    );
    assert!(error.message.contains("expected"), "{}", error.message);
    assert!(error.message.contains("java-version"), "{}", error.message);

    let vault = read_case("keyvault-show/003-arm-get-2023-02-01-premium-systemdata.json");
    for kind in [
        InputKind::AzVersion,
        InputKind::KeyvaultKey,
        InputKind::PrimusKeyFlags,
        InputKind::PrimusCommandHelp,
        InputKind::HsmSecurityConfig,
        InputKind::JavaVersion,
        InputKind::ByokFile,
        InputKind::Facts,
    ] {
        let error = parse_as(&vault, kind).unwrap_err();
        assert_ne!(error.message, "", "{}", kind.as_str());
    }
}

#[test]
fn several_partitions_need_a_name() {
    let parsed = parse(TWO_PARTITIONS).unwrap();
    let hsm = &parsed.facts.hsm;
    assert_eq!(
        hsm.partition_choices.as_ref().unwrap().value,
        vec!["PART001".to_owned(), "PART002".to_owned()]
    );
    assert!(hsm.partition.is_none());
    assert!(hsm.key_export.is_none());
    assert!(hsm.setup_password_lifespan_hours.is_none());
    assert!(parsed.facts.unavailable.contains_key("hsm.partition"));
    assert!(!hsm.device_key_export.as_ref().unwrap().value);

    let report = evaluate(&parsed.facts, &EvaluateOptions::default()).unwrap();
    let check = report.check("hsm.key-export").unwrap();
    assert_eq!(check.status.as_str(), "unknown");
    assert!(check.message.contains("PART002"), "{}", check.message);
}

#[test]
fn partition_own_settings_apply() {
    let options = ParseOptions {
        kind: None,
        partition: Some("part001".to_owned()),
    };
    let hsm = parse_text(TWO_PARTITIONS, &options).unwrap().facts.hsm;
    assert_eq!(hsm.partition.unwrap().value, "PART001");
    assert!(hsm.partition_own_settings.unwrap().value);
    assert!(hsm.key_export.unwrap().value);
    assert!(hsm.key_extract.unwrap().value);
    assert!(hsm.jce_partition.unwrap().value);
    assert_eq!(hsm.setup_password_lifespan_hours.unwrap().value, 24);
}

#[test]
fn partition_device_settings_apply() {
    let options = ParseOptions {
        kind: None,
        partition: Some("PART002".to_owned()),
    };
    let hsm = parse_text(TWO_PARTITIONS, &options).unwrap().facts.hsm;
    assert!(!hsm.partition_own_settings.unwrap().value);
    assert!(!hsm.key_export.unwrap().value);
    assert!(!hsm.key_extract.unwrap().value);
    assert_eq!(hsm.setup_password_lifespan_hours.unwrap().value, 72);
}

#[test]
fn unknown_partition_lists_choices() {
    let options = ParseOptions {
        kind: None,
        partition: Some("PART003".to_owned()),
    };
    let parsed = parse_text(TWO_PARTITIONS, &options).unwrap();
    let reason = &parsed.facts.unavailable["hsm.partition"];
    assert!(reason.contains("'PART003'"), "{reason}");
    assert!(reason.contains("PART001, PART002"), "{reason}");
    // The device settings are still read.
    assert!(parsed.facts.hsm.jce_device.is_some());
    assert!(parsed.facts.hsm.key_export.is_none());
    let report =
        byok_core::evaluate(&parsed.facts, &byok_core::EvaluateOptions::default()).unwrap();
    let export = report.check("hsm.key-export").unwrap();
    assert_eq!(export.status.as_str(), "unknown");
    assert!(export.message.contains("'PART003'"), "{}", export.message);
}

#[test]
fn duplicate_and_empty_partition_names() {
    let duplicated = TWO_PARTITIONS.replace("PART002", "PART001");
    let parsed = parse(&duplicated).unwrap();
    assert_eq!(
        parsed.facts.hsm.partition.as_ref().unwrap().value,
        "PART001"
    );
    assert!(parsed.facts.hsm.partition_choices.is_none());
    assert!(
        parsed
            .warnings
            .iter()
            .any(|warning| warning.contains("more than once")),
        "{:?}",
        parsed.warnings
    );

    let unnamed =
        TWO_PARTITIONS.replace("<user_name>PART002</user_name>", "<user_name></user_name>");
    let parsed = parse(&unnamed).unwrap();
    assert_eq!(
        parsed.facts.hsm.partition.as_ref().unwrap().value,
        "PART001"
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|warning| warning.contains("have no <user_name>")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn facts_bundle_without_version_is_recognised() {
    let error = parse(r#"{"hsm": {"firmware": {"value": "RX-2.11.2-T"}}}"#).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidFacts);
    assert!(
        error.message.contains("schema_version: missing"),
        "{}",
        error.message
    );

    let error = parse(r#"{"schema_version": "1", "tools": {}}"#).unwrap_err();
    assert_eq!(error.code, ErrorCode::UnsupportedSchema);
}

#[test]
fn example_values_are_marked() {
    let text = "String versionInfo = PrimusDevice.getVersionInfo(); // e.g. \"RX-2.5.0-D\"";
    let parsed = parse(text).unwrap();
    let firmware = parsed.facts.hsm.firmware.unwrap();
    assert_eq!(firmware.value, "RX-2.5.0-D");
    assert_eq!(firmware.source, byok_core::facts::source::EXAMPLE);
}

#[test]
fn partition_pins_never_in_output() {
    let mut outputs = Vec::new();
    for partition in [None, Some("PART001"), Some("PART002"), Some("NONE")] {
        let options = ParseOptions {
            kind: None,
            partition: partition.map(str::to_owned),
        };
        match parse_text(TWO_PARTITIONS, &options) {
            Ok(parsed) => {
                outputs.push(parsed.facts.to_json());
                outputs.push(parsed.label);
                outputs.extend(parsed.warnings);
            }
            Err(error) => outputs.push(error.message),
        }
    }
    // A broken value next to the PIN must not pull the PIN into a message.
    let broken = TWO_PARTITIONS.replace("<jce_allowed>enabled", "<jce_allowed>SECRET-PIN-ONE");
    let parsed =
        parse(&broken.replace("PART002", "PART001")).unwrap_or_else(|error| panic!("{error}"));
    outputs.extend(parsed.warnings);
    let truncated = &TWO_PARTITIONS[..TWO_PARTITIONS.find("SECRET-PIN-TWO").unwrap() + 20];
    outputs.push(parse(truncated).unwrap_err().message);
    for output in &outputs {
        assert!(!output.contains("SECRET-PIN"), "{output}");
    }
}

#[test]
fn empty_input_rejected() {
    for text in ["", "   \n\t\n"] {
        let error = parse(text).unwrap_err();
        assert_eq!(error.code, ErrorCode::UnrecognizedInput);
        assert!(error.message.contains("empty"), "{}", error.message);
    }
}

#[test]
fn binary_input_rejected() {
    let with_nul = "{\"azure-cli\": \"2.61.0\"}\0\0\0";
    assert_eq!(parse(with_nul).unwrap_err().code, ErrorCode::InvalidInput);
    let bytes: Vec<u8> = (0u32..4096)
        .map(|index| (index * 7 % 32) as u8 + 1)
        .collect();
    let control = String::from_utf8(bytes).unwrap();
    for kind in InputKind::ALL {
        assert!(parse_as(&control, kind).is_err(), "{}", kind.as_str());
    }
    let noise: Vec<u8> = (0u32..8192)
        .map(|index| (index.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let lossy = String::from_utf8_lossy(&noise);
    assert!(parse(&lossy).is_err());
}

#[test]
fn truncated_json_rejected_or_warned() {
    let whole = read_case("keyvault-key/002-rest-kek-rsa-hsm-2048-import-exp.json");
    // Cut inside the first string: nothing is readable.
    let error = parse_as(&whole[..20], InputKind::KeyvaultKey).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.message.contains("expected"), "{}", error.message);
    let error = parse_as("{\"azure-cli\": \"2.", InputKind::AzVersion).unwrap_err();
    assert!(error.message.contains("azure-cli"), "{}", error.message);
    // Cut after some values: those are read and the cut is reported.
    let cut = &whole[..whole.find("\"n\"").unwrap()];
    let parsed = parse(cut).unwrap();
    assert_eq!(parsed.facts.azure.kek.kty.unwrap().value, "RSA-HSM");
    assert!(
        parsed
            .warnings
            .iter()
            .any(|warning| warning.contains("cut off")),
        "{:?}",
        parsed.warnings
    );
    // Every prefix of a case is read or rejected, never a panic.
    let vault = read_case("keyvault-show/005-cli-create-standard-rbac-js-comments.txt");
    for end in (0..vault.len()).step_by(7) {
        if vault.is_char_boundary(end) {
            let _ = parse(&vault[..end]);
        }
    }
}

#[test]
fn truncated_xml_rejected() {
    let xml = read_case("securosys/hsm-security-config-reference-v2.11.1.xml");
    let cut = &xml[..xml.len() / 2];
    let error = parse(cut).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.message.contains("XML"), "{}", error.message);
}

#[test]
fn deeply_nested_json_rejected() {
    let nested = "{\"a\":".repeat(100_000);
    for kind in [
        None,
        Some(InputKind::KeyvaultShow),
        Some(InputKind::ByokFile),
    ] {
        let options = ParseOptions {
            kind,
            partition: None,
        };
        let error = parse_text(&nested, &options).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert!(error.message.contains("nested deeper"), "{}", error.message);
    }
    let facts = format!("{{\"schema_version\": 1, \"x\": {}", "[".repeat(100_000));
    assert!(parse_as(&facts, InputKind::Facts).is_err());
    let arrays = "[".repeat(1_000_000);
    assert!(parse(&arrays).is_err());
}

#[test]
fn deeply_nested_xml_rejected_or_read() {
    let xml = format!(
        "<primus>{}{}</primus>",
        "<a>".repeat(50_000),
        "</a>".repeat(50_000)
    );
    // Either outcome is fine; the point is that it returns.
    let _ = parse(&xml);
}

#[test]
fn oversized_input_rejected_first() {
    let text = "a".repeat(33 * 1024 * 1024);
    assert!(text.len() > MAX_INPUT_BYTES);
    let error = parse(&text).unwrap_err();
    assert_eq!(error.code, ErrorCode::InputTooLarge);
    assert!(
        error.message.contains(&MAX_INPUT_BYTES.to_string()),
        "{}",
        error.message
    );
}

#[test]
fn enormous_input_returns() {
    let mut text = read_case("java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt");
    text.push_str(&"noise line without meaning\n".repeat(400_000));
    let parsed = parse(&text).unwrap();
    assert_eq!(parsed.kind, InputKind::JavaVersion);
}

#[test]
fn xml_entity_expansion_rejected() {
    let billion_laughs = r#"<?xml version="1.0"?>
<!DOCTYPE primus [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<primus><crypto_process><crypto_user><user_name>&lol3;</user_name></crypto_user></crypto_process></primus>"#;
    let external = r#"<?xml version="1.0"?>
<!DOCTYPE primus [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<primus><crypto_process><crypto_user><user_name>&secret;</user_name></crypto_user></crypto_process></primus>"#;
    for text in [billion_laughs, external] {
        let error = parse(text).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert!(error.message.contains("XML"), "{}", error.message);
        assert!(!error.message.contains("lollol"), "{}", error.message);
    }
}

#[test]
fn unrecognised_text_lists_kinds() {
    let error = parse("hello world\nnothing to see here").unwrap_err();
    assert_eq!(error.code, ErrorCode::UnrecognizedInput);
    assert!(error.message.contains("keyvault-show"), "{}", error.message);
}

#[test]
fn console_firmware_line() {
    let text = "hsm> hsm_diagnostics fw\nFirmware version: RX-2.8.46\nhsm>";
    let parsed = parse(text).unwrap();
    assert_eq!(parsed.kind, InputKind::PrimusDeviceInfo);
    let firmware = parsed.facts.hsm.firmware.unwrap();
    assert_eq!(firmware.value, "RX-2.8.46");
    assert_eq!(firmware.source, byok_core::facts::source::HSM_CONSOLE);
}

#[test]
fn byok_file_checked_against_kek() {
    let byok = parse(&read_case(
        "securosys/005-byok-file-generator-GRIMSEL-RX-2.9.0-T.json",
    ))
    .unwrap();
    let status = |kid: &str| {
        let mut facts = byok.facts.clone();
        facts.merge(&parse(kid).unwrap().facts);
        let report = evaluate(&facts, &EvaluateOptions::default()).unwrap();
        report
            .check("byok.file")
            .unwrap()
            .status
            .as_str()
            .to_owned()
    };
    let same =
        "https://contoso-kv.vault.azure.net/keys/KekForByokR4k/083cf1b67d314d15b1fa46915cde3217";
    let other_version =
        "https://contoso-kv.vault.azure.net/keys/KekForByokR4k/00000000000000000000000000000000";
    assert_eq!(status(same), "pass");
    assert_eq!(status(other_version), "fail");
}

#[test]
fn az_version_text_glued_to_prose() {
    let text = "Here is my output:<br>azure-cli                         2.61.0 *<br><br>core                              2.61.0 *<br>Extensions:<br>ssh                                2.0.0<br><br>Your CLI is up-to-date.";
    let cleaned_lines = text.replace("<br>", "\n");
    for variant in [text.to_owned(), cleaned_lines] {
        let parsed = parse(&variant).unwrap_or_else(|error| panic!("{error}"));
        let azure = &parsed.facts.azure;
        assert_eq!(azure.cli_version.as_ref().unwrap().value, "2.61.0");
        assert!(azure.cli_update_available.as_ref().unwrap().value);
        assert_eq!(
            azure
                .cli_extensions
                .as_ref()
                .unwrap()
                .value
                .get("ssh")
                .map(String::as_str),
            Some("2.0.0")
        );
    }
}

#[test]
fn coloured_terminal_json_read() {
    // `az` colours JSON in a terminal: keys, strings and numbers each get an escape sequence.
    let colour = |text: &str, code: u8| format!("\u{1b}[{code}m{text}\u{1b}[0m");
    let mut text = String::from("{\n");
    for (key, value) in [("azure-cli", "2.61.0"), ("azure-cli-core", "2.61.0")] {
        text.push_str(&format!(
            "  {}: {},\n",
            colour(&format!("\"{key}\""), 94),
            colour(&format!("\"{value}\""), 93)
        ));
    }
    text.push_str(&format!(
        "  {}: {{\n    {}: {}\n  }}\n}}\n",
        colour("\"extensions\"", 94),
        colour("\"ssh\"", 94),
        colour("\"2.0.0\"", 93)
    ));
    let parsed = parse(&text).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(parsed.kind, InputKind::AzVersion);
    assert_eq!(parsed.facts.azure.cli_version.unwrap().value, "2.61.0");
    assert_eq!(parsed.facts.azure.cli_extensions.unwrap().value.len(), 1);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn byte_order_mark_ignored() {
    for name in [
        "securosys/hsm-security-config-reference-v2.11.1.xml",
        "keyvault-show/003-arm-get-2023-02-01-premium-systemdata.json",
    ] {
        let text = format!("\u{feff}{}", read_case(name));
        let parsed = parse(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert!(
            !parsed.facts.hsm.is_empty() || !parsed.facts.azure.is_empty(),
            "{name}"
        );
    }
    let facts = format!("\u{feff}{FACTS_BUNDLE}");
    assert_eq!(parse(&facts).unwrap().kind, InputKind::Facts);
}

#[test]
fn key_not_found_error() {
    let text = "ERROR: (KeyNotFound) A key with (name/id) KEKforBYOK was not found in this key vault. If you recently deleted this key you may be able to recover it using the correct recovery command.";
    let parsed = parse(text).unwrap();
    assert_eq!(parsed.kind, InputKind::KeyvaultKey);
    assert!(parsed.facts.azure.vault_found.is_none());
    let reason = parsed.facts.unavailable.get("azure.kek").unwrap();
    assert!(reason.contains("KEKforBYOK"), "{reason}");
    let report = evaluate(&parsed.facts, &EvaluateOptions::default()).unwrap();
    let check = report.check("azure.kek").unwrap();
    assert_eq!(check.status.as_str(), "unknown");
    assert!(check.message.contains("was not found"), "{}", check.message);
}

#[test]
fn glued_outputs_are_reported() {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases");
    let read = |name: &str| std::fs::read_to_string(cases.join(name)).unwrap();
    let az = read("az-version-json/009-2.49.0-windows-cmd-prompt.txt");
    let java = read("java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt");
    let vault = read("keyvault-show/003-arm-get-2023-02-01-premium-systemdata.json");
    let kek = read("keyvault-key/002-rest-kek-rsa-hsm-2048-import-exp.json");

    let parsed = parse(&format!("{az}\n{java}")).unwrap();
    assert!(
        parsed
            .warnings
            .iter()
            .any(|warning| warning.contains("`java -version` output, which was not read")),
        "{:?}",
        parsed.warnings
    );
    let parsed = parse(&format!("{vault}\n{kek}")).unwrap();
    assert!(
        parsed
            .warnings
            .iter()
            .any(|warning| warning.contains("also contains")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn single_outputs_have_no_glued_warning() {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases");
    for folder in std::fs::read_dir(&cases).unwrap() {
        let folder = folder.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&folder).unwrap() {
            let path = file.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            if let Ok(parsed) = parse(&text) {
                assert!(
                    !parsed
                        .warnings
                        .iter()
                        .any(|warning| warning.contains("also contains")),
                    "{}: {:?}",
                    path.display(),
                    parsed.warnings
                );
            }
        }
    }
}

#[test]
fn java_missing_in_other_languages() {
    let messages = [
        "'java' is not recognized as an internal or external command,\noperable program or batch file.",
        "Der Befehl \"java\" ist entweder falsch geschrieben oder\nkonnte nicht gefunden werden.",
        "java : Die Benennung \"java\" wurde nicht als Name eines Cmdlet, einer Funktion erkannt.",
        "\"java\" no se reconoce como un comando interno o externo,",
        "'java' n'est pas reconnu en tant que commande interne\nou externe.",
        "bash: java: command not found",
    ];
    for message in messages {
        let parsed = parse(message).unwrap_or_else(|error| panic!("{message}: {error}"));
        assert_eq!(parsed.kind, InputKind::JavaVersion, "{message}");
        let present = parsed.facts.tools.java_present.unwrap();
        assert!(!present.value, "{message}");
    }
}
