#!/usr/bin/env python3
"""Write the shared test vectors in this folder.

Each vector starts from a complete, ready transfer (Primus HSM to a Premium Key Vault, RSA 4096)
and changes a few facts. The expected statuses are written here by hand, next to the change
that causes them, so a vector can fail when the core decides differently. Run this after
editing it; `cargo test -p byok-prereqs-core --test vectors` then checks the core against the
files, and UPDATE_REPORTS=1 rewrites the full reports in reports/.
"""

import copy
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
NOW = "2026-01-31T12:00:00Z"
KEK_KID = "https://contoso-kv.vault.azure.net/keys/KEKforBYOK/d0dfd74d5bfc494abc572867b20e4260"
MHSM_KEK_KID = "https://contoso-mhsm.managedhsm.azure.net/keys/KEKforBYOK/0a1b2c3d4e5f60718293a4b5c6d7e8f9"

CHECK_IDS = [
    "azure.cli.version",
    "azure.login",
    "azure.vault.sku",
    "azure.vault.ready",
    "azure.kek",
    "azure.key-type",
    "hsm.firmware",
    "hsm.jce.device",
    "hsm.jce.partition",
    "hsm.key-export",
    "hsm.key-extract",
    "hsm.setup-password",
    "hsm.target-key-flags",
    "tools.java",
    "tools.primus-tools",
    "byok.file",
]


def fact(value, source):
    return {"value": value, "source": source}


USER = "entered by user"

BASE_FACTS = {
    "schema_version": 1,
    "context": {
        "target": fact("key-vault", USER),
        "hsm_service": fact("primus", USER),
        "key_type": fact("RSA", USER),
        "key_size": fact(4096, USER),
    },
    "azure": {
        "cli_version": fact("2.61.0", "az version"),
        "logged_in": fact(True, "az account (CLI profile)"),
        "subscription_state": fact("Enabled", "az account (CLI profile)"),
        "subscription_id": fact("00000000-0000-0000-0000-000000000000", "az account (CLI profile)"),
        "vault_name": fact("contoso-kv", USER),
        "resource_group": fact("contoso-rg", "az keyvault show"),
        "vault_found": fact(True, "az keyvault show"),
        "vault_kind": fact("key-vault", "az keyvault show"),
        "vault_sku": fact("premium", "az keyvault show"),
        "vault_provisioning_state": fact("Succeeded", "az keyvault show"),
        "kek": {
            "kid": fact(KEK_KID, "az keyvault key show"),
            "kty": fact("RSA-HSM", "az keyvault key show"),
            "size_bits": fact(4096, "az keyvault key show"),
            "key_ops": fact(["import"], "az keyvault key show"),
            "enabled": fact(True, "az keyvault key show"),
            "expires": fact("2027-01-01T00:00:00Z", "az keyvault key show"),
        },
    },
    "hsm": {
        "firmware": fact("RX-2.11.2-T", "Primus Tools GetDeviceInfo"),
        "device_name": fact("PRIMUS-HSM", "Primus Tools GetDeviceInfo"),
        "partition": fact("PART001", USER),
        "partition_own_settings": fact(True, "security config XML"),
        "jce_device": fact(True, "security config XML"),
        "jce_partition": fact(True, "security config XML"),
        "key_export": fact(True, "security config XML"),
        "key_extract": fact(True, "security config XML"),
        "setup_password_issued_at": fact("2026-01-30T12:00:00Z", USER),
        "setup_password_lifespan_hours": fact(72, "security config XML"),
        "permanent_secret_fetched": fact(False, USER),
        "target_key": {
            "name": fact("myPrimusByoK", "Primus Tools ListKeyFlags"),
            "sensitive": fact(True, "Primus Tools ListKeyFlags"),
            "extractable": fact(True, "Primus Tools ListKeyFlags"),
        },
    },
    "tools": {
        "java_present": fact(True, "java -version"),
        "java_version": fact("17.0.15+6", "java -version"),
        "java_vendor": fact("Temurin", "java -version"),
        "primus_tools_version": fact("2.41020240122", "Primus Tools GetDeviceInfo"),
        "azure_byok_export_available": fact(True, "Primus Tools AzureByokExport -help"),
    },
}

BASE_STATUSES = {check_id: "pass" for check_id in CHECK_IDS}
BASE_STATUSES["hsm.firmware"] = "skipped"  # RSA keys set no firmware minimum.
BASE_STATUSES["byok.file"] = "skipped"  # No .byok file yet.

BYOK_FILE = {
    "schema_version": fact("1.0.0", ".byok file"),
    "kid": fact(KEK_KID, ".byok file"),
    "alg": fact("dir", ".byok file"),
    "enc": fact("CKM_RSA_AES_KEY_WRAP", ".byok file"),
    "ciphertext_bytes": fact(2728, ".byok file"),
    "ciphertext_valid": fact(True, ".byok file"),
    "generator": fact("Primus Java BYOK-Tool v1.2; GRIMSEL RX-2.9.0-T", ".byok file"),
}

VECTORS = []


def vector(name, description, changes=None, statuses=None, verdict=None, options=None, facts=None):
    """Register a vector: `changes` maps dotted fact paths to a new value (None removes it)."""
    document = copy.deepcopy(BASE_FACTS) if facts is None else facts
    for path, value in (changes or {}).items():
        parts = path.split(".")
        node = document
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        if value is None:
            node.pop(parts[-1], None)
        else:
            node[parts[-1]] = value
    expected = dict(BASE_STATUSES) if facts is None else {}
    expected.update(statuses or {})
    missing = [check_id for check_id in CHECK_IDS if check_id not in expected]
    assert not missing, f"{name}: no expected status for {missing}"
    if verdict is None:
        if "fail" in expected.values():
            verdict = "not-ready"
        elif "unknown" in expected.values():
            verdict = "incomplete"
        else:
            verdict = "ready"
    VECTORS.append(
        {
            "name": name,
            "description": description,
            "facts": document,
            "options": {"now": NOW, **(options or {})},
            "expected": {"verdict": verdict, "checks": {check_id: expected[check_id] for check_id in CHECK_IDS}},
        }
    )


def all_unknown(**overrides):
    statuses = {check_id: "unknown" for check_id in CHECK_IDS}
    statuses["byok.file"] = "skipped"
    statuses.update(overrides)
    return statuses


# Complete transfers in each context.
vector("ready-keyvault-primus-rsa", "Everything in place: Primus HSM to a Premium Key Vault, RSA 4096.")
vector(
    "ready-managed-hsm-oct",
    "Everything in place: an AES-256 key into an activated Managed HSM.",
    {
        "context.target": fact("managed-hsm", USER),
        "context.key_type": fact("oct", USER),
        "context.key_size": fact(256, USER),
        "azure.vault_name": fact("contoso-mhsm", USER),
        "azure.vault_kind": fact("managed-hsm", "az keyvault show"),
        "azure.vault_sku": fact("Standard_B1", "az keyvault show"),
        "azure.mhsm_activation_status": fact("Active", "az keyvault show"),
        "azure.kek.kid": fact(MHSM_KEK_KID, "az keyvault key show"),
    },
)
vector(
    "ready-cloudhsm-defaults",
    "CloudHSM partition with no policy facts: preconfigured for BYOK; setup password within its week.",
    {
        "context.hsm_service": fact("cloudhsm", USER),
        "hsm.partition_own_settings": None,
        "hsm.jce_device": None,
        "hsm.jce_partition": None,
        "hsm.key_export": None,
        "hsm.key_extract": None,
        "hsm.setup_password_lifespan_hours": None,
        "hsm.setup_password_issued_at": fact("2026-01-26T12:00:00Z", USER),
    },
)
vector(
    "ready-ec-p256",
    "EC P-256 key with firmware 2.11.2 and Azure CLI 2.61.0.",
    {"context.key_type": fact("EC", USER), "context.key_size": None, "context.curve": fact("P-256", USER)},
    {"hsm.firmware": "pass"},
)
vector(
    "empty-facts",
    "No facts at all: every check says which fact is missing.",
    facts={"schema_version": 1},
    statuses=all_unknown(),
)
vector(
    "offline-hsm-only-skips-azure",
    "Offline HSM client: Azure checks skipped by request, HSM and tools complete.",
    {"azure": None},
    {check_id: "skipped" for check_id in CHECK_IDS if check_id.startswith("azure.")},
    options={"skip": [check_id for check_id in CHECK_IDS if check_id.startswith("azure.")]},
)
vector(
    "incomplete-fails-with-fail-on-unknown",
    "Missing KEK with fail_on unknown: the verdict is not-ready instead of incomplete.",
    {"azure.kek": None},
    {"azure.kek": "unknown"},
    verdict="not-ready",
    options={"fail_on": ["fail", "unknown"]},
)

vector(
    "fail-on-warn-still-fails-on-fail",
    "fail_on lists only warn: a failing check still makes the verdict not-ready.",
    {"hsm.key_export": fact(False, "security config XML")},
    {"hsm.key-export": "fail"},
    verdict="not-ready",
    options={"fail_on": ["warn"]},
)
vector(
    "cloudhsm-firmware-too-old-for-ec",
    "CloudHSM partition on firmware 2.8.9 with an EC key: the fix is a request to Securosys.",
    {
        "context.hsm_service": fact("cloudhsm", USER),
        "context.key_type": fact("EC", USER),
        "context.key_size": None,
        "context.curve": fact("P-256", USER),
        "hsm.firmware": fact("RX-2.8.9-T", "Primus Tools GetDeviceInfo"),
    },
    {"hsm.firmware": "fail"},
)
vector(
    "firmware-example-value",
    "A firmware value from sample code is not evidence about the HSM.",
    {
        "context.key_type": fact("EC", USER),
        "context.key_size": None,
        "context.curve": fact("P-256", USER),
        "hsm.firmware": fact("RX-2.5.0-D", "example value in sample code"),
    },
    {"hsm.firmware": "unknown"},
)

# azure.cli.version
vector("cli-too-old-keyvault", "Azure CLI 2.0.81 is older than 2.1.0.", {"azure.cli_version": fact("2.0.81", "az --version")}, {"azure.cli.version": "fail"})
vector(
    "cli-too-old-managed-hsm",
    "Azure CLI 2.5.0 is enough for a Key Vault but not for a Managed HSM.",
    {
        "context.target": fact("managed-hsm", USER),
        "azure.cli_version": fact("2.5.0", "az version"),
        "azure.vault_kind": fact("managed-hsm", "az keyvault show"),
        "azure.vault_sku": fact("Standard_B1", "az keyvault show"),
        "azure.mhsm_activation_status": fact("Active", "az keyvault show"),
        "azure.vault_name": fact("contoso-mhsm", USER),
        "azure.kek.kid": fact(MHSM_KEK_KID, "az keyvault key show"),
    },
    {"azure.cli.version": "fail"},
)
vector(
    "cli-too-old-for-ec",
    "Azure CLI 2.18.0 lacks --curve on BYOK import, needed for EC keys.",
    {
        "azure.cli_version": fact("2.18.0", "az version"),
        "context.key_type": fact("EC", USER),
        "context.key_size": None,
        "context.curve": fact("P-384", USER),
    },
    {"azure.cli.version": "fail", "hsm.firmware": "pass"},
)
vector(
    "cli-depends-on-context",
    "Azure CLI 2.18.0 with no target or key type chosen: the minimum is not known.",
    {"azure.cli_version": fact("2.18.0", "az version"), "context.target": None, "context.key_type": None, "context.key_size": None, "azure.vault_kind": None},
    {"azure.cli.version": "unknown", "azure.key-type": "unknown", "hsm.firmware": "pass"},
)
vector("cli-unreadable", "A CLI version that is not a version is unknown, not too old.", {"azure.cli_version": fact("latest", USER)}, {"azure.cli.version": "unknown"})
vector("cli-preview", "A PEP 440 preview 2.54.0b1 is newer than 2.1.0.", {"azure.cli_version": fact("2.54.0b1", "az version")})
vector("cli-missing", "No CLI version.", {"azure.cli_version": None}, {"azure.cli.version": "unknown"})

# azure.login
vector("login-signed-out", "Not signed in to Azure.", {"azure.logged_in": fact(False, "az account (CLI profile)")}, {"azure.login": "fail"})
vector("login-subscription-disabled", "Signed in, subscription Disabled.", {"azure.subscription_state": fact("Disabled", "az account (CLI profile)")}, {"azure.login": "fail"})
vector(
    "login-unavailable",
    "The host could not read the CLI profile; the reason is quoted.",
    {"azure.logged_in": None, "azure.subscription_state": None, "unavailable": {"azure.logged_in": "the Azure CLI profile could not be read"}},
    {"azure.login": "unknown"},
)

# azure.vault.sku and azure.vault.ready
vector("vault-standard-sku", "A Standard vault cannot hold HSM keys.", {"azure.vault_sku": fact("standard", "az keyvault show")}, {"azure.vault.sku": "fail"})
vector(
    "vault-is-keyvault-target-mhsm",
    "Target Managed HSM, but the named resource is a Key Vault.",
    {"context.target": fact("managed-hsm", USER)},
    {"azure.vault.sku": "fail"},
)
vector(
    "vault-not-found",
    "Azure answered that the vault does not exist.",
    {"azure.vault_found": fact(False, "az keyvault show"), "azure.vault_sku": None, "azure.vault_kind": None, "azure.vault_provisioning_state": None},
    {"azure.vault.sku": "unknown", "azure.vault.ready": "fail"},
)
vector(
    "vault-registering-dns",
    "Provisioning state RegisteringDns: not ready yet.",
    {"azure.vault_provisioning_state": fact("RegisteringDns", "az keyvault show")},
    {"azure.vault.ready": "fail"},
)
vector(
    "mhsm-not-activated",
    "Managed HSM provisioned but its security domain is NotActivated.",
    {
        "context.target": fact("managed-hsm", USER),
        "azure.vault_kind": fact("managed-hsm", "az keyvault show"),
        "azure.vault_sku": fact("Standard_B1", "az keyvault show"),
        "azure.mhsm_activation_status": fact("NotActivated", "az keyvault show"),
        "azure.vault_name": fact("contoso-mhsm", USER),
        "azure.kek.kid": fact(MHSM_KEK_KID, "az keyvault key show"),
    },
    {"azure.vault.ready": "fail"},
)
vector(
    "mhsm-activation-unknown",
    "Managed HSM shown by an old API without securityDomainProperties.",
    {
        "context.target": fact("managed-hsm", USER),
        "azure.vault_kind": fact("managed-hsm", "az keyvault show"),
        "azure.vault_sku": fact("Standard_B1", "az keyvault show"),
        "azure.vault_name": fact("contoso-mhsm", USER),
        "azure.kek.kid": fact(MHSM_KEK_KID, "az keyvault key show"),
    },
    {"azure.vault.ready": "unknown"},
)
vector(
    "vault-sku-missing",
    "The vault was never shown.",
    {"azure.vault_sku": None, "azure.vault_kind": None, "azure.vault_provisioning_state": None, "azure.vault_found": None},
    {"azure.vault.sku": "unknown", "azure.vault.ready": "unknown"},
)

# azure.kek
vector(
    "kek-software-key-all-ops",
    "A software RSA key with every operation is no KEK.",
    {"azure.kek.kty": fact("RSA", "az keyvault key show"), "azure.kek.key_ops": fact(["encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey"], "az keyvault key show")},
    {"azure.kek": "fail"},
)
vector(
    "kek-kid-only",
    "Only the kid URL is known: type, size and operations are not.",
    {"azure.kek": {"kid": fact(KEK_KID, USER)}},
    {"azure.kek": "unknown"},
)
vector("kek-expired", "The KEK expired before now.", {"azure.kek.expires": fact("2026-01-01T00:00:00Z", "az keyvault key show")}, {"azure.kek": "fail"})
vector(
    "kek-other-vault",
    "The KEK lives in another vault than the target.",
    {"azure.kek.kid": fact("https://other-kv.vault.azure.net/keys/KEKforBYOK/d0dfd74d5bfc494abc572867b20e4260", "az keyvault key show")},
    {"azure.kek": "fail"},
)
vector("kek-disabled", "The KEK is disabled.", {"azure.kek.enabled": fact(False, "az keyvault key show")}, {"azure.kek": "fail"})
vector("kek-1024-bits", "A 1024-bit KEK is too small.", {"azure.kek.size_bits": fact(1024, "az keyvault key show")}, {"azure.kek": "fail"})
vector(
    "kek-forbidden",
    "Reading the KEK was forbidden; the reason is quoted.",
    {"azure.kek": None, "unavailable": {"azure.kek": "403 Forbidden: the signed-in identity lacks the keys/get permission on vault 'contoso-kv'"}},
    {"azure.kek": "unknown"},
)

# azure.key-type
vector("key-rsa-1024", "RSA 1024 is not importable.", {"context.key_size": fact(1024, USER)}, {"azure.key-type": "fail"})
vector(
    "key-ec-secp256k1-alias",
    "The curve name secp256k1 is P-256K.",
    {"context.key_type": fact("EC", USER), "context.key_size": None, "context.curve": fact("secp256k1", USER)},
    {"hsm.firmware": "pass"},
)
vector(
    "key-ec-unsupported-curve",
    "EC P-192 is not importable.",
    {"context.key_type": fact("EC", USER), "context.key_size": None, "context.curve": fact("P-192", USER)},
    {"azure.key-type": "fail", "hsm.firmware": "pass"},
)
vector(
    "key-oct-into-keyvault",
    "AES keys go only into a Managed HSM.",
    {"context.key_type": fact("oct", USER), "context.key_size": fact(256, USER)},
    {"azure.key-type": "fail"},
)
vector("key-rsa-size-missing", "RSA with no size chosen.", {"context.key_size": None}, {"azure.key-type": "unknown"})

# hsm.firmware
vector(
    "firmware-too-old-for-ec",
    "Firmware 2.8.9 predates EC export (2.8.21).",
    {"context.key_type": fact("EC", USER), "context.key_size": None, "context.curve": fact("P-256", USER), "hsm.firmware": fact("RX-2.8.9-T", "Primus Tools GetDeviceInfo")},
    {"hsm.firmware": "fail"},
)
vector(
    "firmware-lc-display-any-key",
    "Firmware V2.8.43 from the LC display meets every minimum, key type not chosen.",
    {"context.key_type": None, "context.key_size": None, "hsm.firmware": fact("V2.8.43", "HSM LC display")},
    {"hsm.firmware": "pass", "azure.key-type": "unknown"},
)
vector(
    "firmware-old-key-type-unknown",
    "Firmware 2.5.0 is enough unless the key is EC, and the key type is not chosen.",
    {"context.key_type": None, "context.key_size": None, "hsm.firmware": fact("RX-2.5.0-D", "Primus Tools GetDeviceInfo")},
    {"hsm.firmware": "unknown", "azure.key-type": "unknown"},
)
vector(
    "firmware-unreadable",
    "A firmware string that is not a version.",
    {"context.key_type": fact("EC", USER), "context.key_size": None, "context.curve": fact("P-256", USER), "hsm.firmware": fact("RX-abc", USER)},
    {"hsm.firmware": "unknown"},
)

# HSM policy
vector("jce-device-disabled", "JCE disabled on the device.", {"hsm.jce_device": fact(False, "security config XML")}, {"hsm.jce.device": "fail"})
vector("jce-partition-disabled", "JCE disabled for the partition.", {"hsm.jce_partition": fact(False, "security config XML")}, {"hsm.jce.partition": "fail"})
vector(
    "key-export-inherited-disabled",
    "The partition uses the device settings, where Key Export is disabled.",
    {
        "hsm.partition_own_settings": fact(False, "security config XML"),
        "hsm.device_key_export": fact(False, "security config XML"),
        "hsm.key_export": fact(False, "security config XML"),
    },
    {"hsm.key-export": "fail"},
)
vector("key-extract-disabled", "Key Extract disabled for the partition.", {"hsm.key_extract": fact(False, "security config XML")}, {"hsm.key-extract": "fail"})
vector(
    "reference-config-export-extract-off",
    "The vendor's reference configuration: JCE on, Key Export and Key Extract off.",
    {"hsm.key_export": fact(False, "security config XML"), "hsm.key_extract": fact(False, "security config XML")},
    {"hsm.key-export": "fail", "hsm.key-extract": "fail"},
)
vector(
    "several-partitions-none-chosen",
    "A configuration with two partitions and none named: policy checks ask for one.",
    {
        "hsm.partition": None,
        "hsm.partition_own_settings": None,
        "hsm.jce_partition": None,
        "hsm.key_export": None,
        "hsm.key_extract": None,
        "hsm.partition_choices": fact(["PART001", "PART002"], "security config XML"),
    },
    {"hsm.jce.partition": "unknown", "hsm.key-export": "unknown", "hsm.key-extract": "unknown"},
)
vector(
    "cloudhsm-export-contradicted",
    "CloudHSM, but a fact says Key Export is disabled.",
    {"context.hsm_service": fact("cloudhsm", USER), "hsm.key_export": fact(False, "Primus Tools GetDeviceInfo")},
    {"hsm.key-export": "fail"},
)
vector("policy-unknown-primus", "On-premises HSM with no policy facts.", {"hsm.jce_device": None, "hsm.key_export": None}, {"hsm.jce.device": "unknown", "hsm.key-export": "unknown"})

# hsm.setup-password
vector("setup-password-expired", "Issued 100 hours ago with a 72-hour lifespan.", {"hsm.setup_password_issued_at": fact("2026-01-27T08:00:00Z", USER)}, {"hsm.setup-password": "fail"})
vector(
    "setup-password-expires-soon",
    "Ten hours left: a warning, which does not fail the verdict by default.",
    {"hsm.setup_password_issued_at": fact("2026-01-28T22:00:00Z", USER)},
    {"hsm.setup-password": "warn"},
)
vector(
    "setup-password-warn-fails-with-fail-on",
    "Ten hours left with fail_on warn: not ready.",
    {"hsm.setup_password_issued_at": fact("2026-01-28T22:00:00Z", USER)},
    {"hsm.setup-password": "warn"},
    verdict="not-ready",
    options={"fail_on": ["fail", "warn"]},
)
vector(
    "setup-password-permanent-secret",
    "The permanent secret was fetched, so the expired setup password does not matter.",
    {"hsm.permanent_secret_fetched": fact(True, USER), "hsm.setup_password_issued_at": fact("2025-01-01T00:00:00Z", USER)},
)
vector(
    "setup-password-service-unknown",
    "Issued 100 hours ago, lifespan and HSM service not known: valid on CloudHSM, expired on a Primus HSM.",
    {"context.hsm_service": None, "hsm.setup_password_lifespan_hours": None, "hsm.setup_password_issued_at": fact("2026-01-27T08:00:00Z", USER)},
    {"hsm.setup-password": "unknown"},
)
vector("setup-password-issue-time-missing", "No issue time and no permanent secret.", {"hsm.setup_password_issued_at": None}, {"hsm.setup-password": "unknown"})
vector(
    "setup-password-no-clock",
    "No current time given: the expiry cannot be compared (nor the KEK's).",
    statuses={"hsm.setup-password": "unknown", "azure.kek": "unknown"},
    options={"now": None},
)

# hsm.target-key-flags
vector("target-key-nonextractable", "The target key was created nonextractable.", {"hsm.target_key.extractable": fact(False, "Primus Tools ListKeyFlags")}, {"hsm.target-key-flags": "fail"})
vector("target-key-flags-unknown", "ListKeyFlags was not run.", {"hsm.target_key": None}, {"hsm.target-key-flags": "unknown"})

# tools.java
vector("java-missing", "java was not found.", {"tools.java_present": fact(False, "java -version"), "tools.java_version": None, "tools.java_vendor": None}, {"tools.java": "fail"})
vector("java-7", "Java 7 is too old.", {"tools.java_version": fact("1.7.0_80", "java -version"), "tools.java_vendor": fact("Oracle", "java -version")}, {"tools.java": "fail"})
vector(
    "java-oracle-8u151-policy",
    "Oracle Java 8u151 needs the unlimited-strength policy files.",
    {"tools.java_version": fact("1.8.0_151", "java -version"), "tools.java_vendor": fact("Oracle", "java -version")},
    {"tools.java": "warn"},
)
vector("java-8u292-temurin", "Temurin Java 8u292 runs Primus Tools.", {"tools.java_version": fact("1.8.0_292", "java -version")})
vector("java-version-unreadable", "A Java version that cannot be read.", {"tools.java_version": fact("build 11.0-b16", USER)}, {"tools.java": "unknown"})

# tools.primus-tools
vector(
    "primus-tools-disputed-version",
    "Primus Tools 2.2.7 without a probe: the sources disagree, so a warning.",
    {"tools.azure_byok_export_available": None, "tools.primus_tools_version": fact("2.27020220408", "Primus Tools GetDeviceInfo")},
    {"tools.primus-tools": "warn"},
)
vector(
    "primus-tools-too-old",
    "Primus Tools 2.1.0 predates AzureByokExport.",
    {"tools.azure_byok_export_available": None, "tools.primus_tools_version": fact("v2.1.0", USER)},
    {"tools.primus-tools": "fail"},
)
vector(
    "primus-tools-probe-absent",
    "The probe found no AzureByokExport, whatever the version says.",
    {"tools.azure_byok_export_available": fact(False, "Primus Tools AzureByokExport -help")},
    {"tools.primus-tools": "fail"},
)
vector(
    "primus-tools-probe-decides-old-version",
    "The probe found AzureByokExport in a 2.2.7 provider, which settles the disagreement.",
    {"tools.primus_tools_version": fact("2.27020220408", "Primus Tools GetDeviceInfo")},
)
vector(
    "primus-tools-unreadable",
    "A Primus Tools version that cannot be read.",
    {"tools.azure_byok_export_available": None, "tools.primus_tools_version": fact("unknown build", USER)},
    {"tools.primus-tools": "unknown"},
)

# byok.file
vector("byok-file-matches", "A .byok file wrapped for this KEK.", {"byok_file": BYOK_FILE}, {"byok.file": "pass"})
vector(
    "byok-file-wrong-kek-version",
    "A .byok file wrapped for an older version of the KEK.",
    {"byok_file": {**BYOK_FILE, "kid": fact("https://contoso-kv.vault.azure.net/keys/KEKforBYOK/00000000000000000000000000000001", ".byok file")}},
    {"byok.file": "fail"},
)
vector(
    "byok-file-kek-unknown",
    "A well-formed .byok file, but the KEK is not known.",
    {"byok_file": BYOK_FILE, "azure.kek": None},
    {"byok.file": "unknown", "azure.kek": "unknown"},
)
vector(
    "byok-file-too-short",
    "A ciphertext shorter than the 4096-bit KEK's RSA block.",
    {"byok_file": {**BYOK_FILE, "ciphertext_bytes": fact(300, ".byok file")}},
    {"byok.file": "fail"},
)
vector(
    "byok-file-wrong-enc",
    "A .byok file with another wrapping mechanism.",
    {"byok_file": {**BYOK_FILE, "enc": fact("RSA-OAEP", ".byok file")}},
    {"byok.file": "fail"},
)


def main():
    for old in HERE.glob("*.json"):
        old.unlink()
    for item in VECTORS:
        name = item.pop("name")
        if item["options"].get("now") is None:
            item["options"].pop("now", None)
        path = HERE / f"{name}.json"
        path.write_text(json.dumps(item, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(VECTORS)} vectors")


if __name__ == "__main__":
    main()
