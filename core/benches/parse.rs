//! Reads a 1 MiB and a 10 MiB paste of each input kind with `parse_text`, without naming the
//! kind, so recognition is measured too. Each paste is real tool output grown to size the way
//! large pastes grow: more extensions or access policies, longer logs around the output,
//! more partitions, a longer ciphertext. Targets: under 5 ms per MiB, and the 10 MiB paste
//! within 10.5 times the 1 MiB time. docs/benchmarks.md records the figures.

use std::fmt::Write;
use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use byok_core::{parse_text, InputKind, ParseOptions};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const MIB: usize = 1024 * 1024;

fn case(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/cases")
        .join(name);
    fs::read_to_string(path).expect("case file")
}

/// Lines from a build log, as found around pasted output.
fn log_lines(size: usize) -> String {
    let mut text = String::with_capacity(size + 200);
    let mut index = 0u64;
    while text.len() < size {
        let _ = writeln!(
            text,
            "[2025-07-02 15:54:{:02}] step {index}: compiled module_{index} in 0.{:03} s (cache hit)",
            index % 60,
            index % 1000
        );
        index += 1;
    }
    text
}

/// Builds a paste of about `size` bytes of `kind`.
fn paste(kind: InputKind, size: usize) -> String {
    match kind {
        InputKind::AzVersion => {
            let mut text = String::from("{\n  \"azure-cli\": \"2.61.0\",\n  \"azure-cli-core\": \"2.61.0\",\n  \"extensions\": {\n");
            let mut index = 0;
            while text.len() < size {
                let _ = writeln!(
                    text,
                    "    \"extension-{index:07}\": \"1.{}.{}\",",
                    index % 50,
                    index % 9
                );
                index += 1;
            }
            text.push_str("    \"ml\": \"2.27.0\"\n  }\n}\n");
            text
        }
        InputKind::KeyvaultShow => {
            let whole =
                case("keyvault-show/001-cli-create-premium-sku-no-family-leading-blank.json");
            let start = whole
                .find("\"accessPolicies\": [")
                .expect("access policies")
                + "\"accessPolicies\": [".len();
            let end = whole
                .find("    ],\n    \"createMode\"")
                .expect("end of access policies");
            let policy = whole[start..end].trim_end().to_owned();
            let mut policies = String::with_capacity(size + policy.len());
            policies.push_str(&policy);
            while policies.len() < size {
                policies.push(',');
                policies.push_str(&policy);
            }
            format!("{}{policies}\n{}", &whole[..start], &whole[end..])
        }
        InputKind::KeyvaultKey => {
            let key = case("keyvault-key/002-rest-kek-rsa-hsm-2048-import-exp.json");
            format!(
                "$ az keyvault key show --id ...\n{key}\n{}",
                log_lines(size)
            )
        }
        InputKind::PrimusDeviceInfo => {
            let info = case("securosys/001-primus-tools-getdeviceinfo-rx-2.11.2-T.txt");
            format!("{}{info}", log_lines(size))
        }
        InputKind::PrimusKeyFlags => {
            let flags = case("securosys/listkeyflags-sensitive-extractable.txt");
            format!("{}{flags}", log_lines(size))
        }
        InputKind::PrimusCommandHelp => {
            let usage = "usage: AzureByokExport -host <host> -user <partition> -password <password>\n       -kekidentifier <kid> -kekfile <pem> -outfile <file.byok> [-rsakey|-eckey|-aeskey <name>]\n";
            format!("{}{usage}", log_lines(size))
        }
        InputKind::HsmSecurityConfig => {
            let xml = case("securosys/hsm-security-config-reference-v2.11.1.xml");
            let start = xml.find("\t\t<crypto_user").expect("partition");
            let end = xml.find("</crypto_user>").expect("partition end") + "</crypto_user>\n".len();
            let partition = &xml[start..end];
            let mut partitions = String::with_capacity(size + partition.len());
            let mut index = 1;
            while partitions.len() < size {
                partitions.push_str(&partition.replace("PART001", &format!("PART{index:06}")));
                index += 1;
            }
            format!("{}{partitions}{}", &xml[..start], &xml[end..])
        }
        InputKind::JavaVersion => {
            let java = case("java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt");
            format!("{}{java}{}", log_lines(size / 2), log_lines(size / 2))
        }
        InputKind::ByokFile => {
            let ciphertext: String = (0..size)
                .map(|index| {
                    char::from(
                        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                            [index % 64],
                    )
                })
                .collect();
            format!(
                "{{\n  \"schema_version\": \"1.0.0\",\n  \"header\": {{\n    \"kid\": \"https://contoso-kv.vault.azure.net/keys/KEK/083cf1b67d314d15b1fa46915cde3217\",\n    \"alg\": \"dir\",\n    \"enc\": \"CKM_RSA_AES_KEY_WRAP\"\n  }},\n  \"ciphertext\": \"{ciphertext}\",\n  \"generator\": \"Primus Java BYOK-Tool v1.2; GRIMSEL RX-2.9.0-T\"\n}}\n"
            )
        }
        InputKind::Facts => {
            let mut text = String::from("{\n  \"schema_version\": 1,\n  \"azure\": {\n    \"cli_extensions\": {\n      \"source\": \"az version\",\n      \"value\": {\n");
            let mut index = 0;
            while text.len() < size {
                let _ = writeln!(text, "        \"extension-{index:07}\": \"1.0.{index}\",");
                index += 1;
            }
            text.push_str("        \"ml\": \"2.27.0\"\n      }\n    }\n  }\n}\n");
            text
        }
    }
}

fn bench_parse(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("parse");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for kind in InputKind::ALL {
        // Facts bundles are limited to 4 MiB, so the 10 MiB paste is not read for them.
        let sizes: &[usize] = if kind == InputKind::Facts {
            &[MIB]
        } else {
            &[MIB, 10 * MIB]
        };
        for &size in sizes {
            let text = paste(kind, size);
            let options = ParseOptions {
                kind: None,
                partition: (kind == InputKind::HsmSecurityConfig).then(|| "PART000001".to_owned()),
            };
            let parsed = parse_text(&text, &options).expect("the paste is readable");
            assert_eq!(parsed.kind, kind, "{}", parsed.label);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(kind.as_str(), format!("{} MiB", size / MIB)),
                &text,
                |bencher, text| bencher.iter(|| parse_text(black_box(text), black_box(&options))),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
