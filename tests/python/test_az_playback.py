"""`az byok prereqs` against recorded Azure responses: vault, Managed HSM, KEK and errors."""

from conftest import CASES, EXIT_INCOMPLETE, EXIT_NOT_READY, requires_readers

AZURE_CHECKS = ["azure.login", "azure.vault.sku", "azure.vault.ready", "azure.kek"]


def statuses(result):
    return {check_id: result.check(check_id)["status"] for check_id in AZURE_CHECKS}


def test_keyvault_ready_through_subscription_list(az):
    result = az("byok", "prereqs", "--vault-name", "contoso-kv", "--kek-name", "KEKforBYOK",
                "--key-type", "RSA", "--key-size", "3072", recording="keyvault-ready")

    assert statuses(result) == dict.fromkeys(AZURE_CHECKS, "pass")
    assert result.check("azure.key-type")["status"] == "pass"
    assert result.unrecorded() == []
    kek = result.check("azure.kek")
    assert {"fact": "azure.kek.kty", "source": "az keyvault key show"} in kek["evidence"]
    assert result.code in (EXIT_NOT_READY, EXIT_INCOMPLETE)


def test_managed_hsm_ready(az):
    result = az("byok", "prereqs", "--hsm-name", "contoso-mhsm", "--kek-name", "KEKforBYOK",
                "--key-type", "oct", "--key-size", "256", recording="managed-hsm-ready")

    assert statuses(result) == dict.fromkeys(AZURE_CHECKS, "pass")
    assert result.check("azure.key-type")["status"] == "pass"
    assert result.report["context"]["target"] == "managed-hsm"
    assert result.unrecorded() == []


def test_standard_vault_and_expired_kek_fail(az):
    result = az("byok", "prereqs", "--vault-name", "contoso-kv", "-g", "contoso-rg",
                "--kek-name", "KEKforBYOK", recording="keyvault-standard-expired-kek")

    assert result.code == EXIT_NOT_READY
    assert result.check("azure.vault.sku")["status"] == "fail"
    ready = result.check("azure.vault.ready")
    assert ready["status"] == "fail"
    assert "RegisteringDns" in ready["message"]
    kek = result.check("azure.kek")
    assert kek["status"] == "fail"
    assert "expired 2020-03-12T13:47:51Z" in kek["message"]
    assert "az keyvault key create --kty RSA-HSM" in kek["remediation"]["az"][0]
    assert "--vault-name contoso-kv" in kek["remediation"]["az"][0]


def test_vault_not_found(az):
    result = az("byok", "prereqs", "--vault-name", "contoso-kv", "-g", "contoso-rg",
                "--kek-name", "KEKforBYOK", recording="vault-not-found")

    ready = result.check("azure.vault.ready")
    assert ready["status"] == "fail"
    assert "was not found" in ready["message"]
    kek = result.check("azure.kek")
    assert kek["status"] == "unknown"
    assert "404 Not Found (KeyNotFound)" in kek["message"]
    assert "key 'KEKforBYOK' in vault 'contoso-kv'" in kek["message"]


def test_kek_forbidden_names_permission(az):
    result = az("byok", "prereqs", "--vault-name", "contoso-kv", "-g", "contoso-rg",
                "--kek-name", "KEKforBYOK", recording="kek-forbidden")

    kek = result.check("azure.kek")
    assert kek["status"] == "unknown"
    assert "403 Forbidden" in kek["message"]
    assert "lacks the keys/get permission on vault 'contoso-kv'" in kek["message"]
    assert result.check("azure.vault.sku")["status"] == "pass"
    assert result.code == EXIT_INCOMPLETE or result.code == EXIT_NOT_READY


def test_throttled_vault_read(az):
    result = az("byok", "prereqs", "--vault-name", "contoso-kv", "-g", "contoso-rg",
                "--kek-name", "KEKforBYOK", recording="throttled")

    sku = result.check("azure.vault.sku")
    assert sku["status"] == "unknown"
    assert "429 Too Many Requests" in sku["message"]
    assert "retry after 17 s" in sku["message"]
    assert result.check("azure.kek")["status"] == "pass"


def test_slow_vault_read_times_out(az):
    result = az("byok", "prereqs", "--vault-name", "contoso-kv", "-g", "contoso-rg",
                "--timeout", "2", recording="slow-vault")

    sku = result.check("azure.vault.sku")
    assert sku["status"] == "unknown"
    assert "did not answer within 2 s" in sku["message"]


def test_signed_out_fails_login(az):
    result = az("byok", "prereqs", "--vault-name", "contoso-kv", signed_in=False)

    login = result.check("azure.login")
    assert login["status"] == "fail"
    assert "az login" in login["remediation"]["az"]
    assert result.code == EXIT_NOT_READY


def test_kek_id_reads_key(az):
    kid = "https://contoso-kv.vault.azure.net/keys/KEKforBYOK"

    result = az("byok", "prereqs", "--vault-name", "contoso-kv", "-g", "contoso-rg",
                "--kek-id", kid, recording="kek-forbidden")

    assert "403 Forbidden" in result.check("azure.kek")["message"]
    assert result.unrecorded() == []


def test_unauthorized_asks_for_login(az):
    result = az("byok", "prereqs", "--vault-name", "contoso-kv", "-g", "contoso-rg",
                "--kek-name", "KEKforBYOK", recording="unauthorized")

    sku = result.check("azure.vault.sku")
    assert sku["status"] == "unknown"
    assert "401 Unauthorized (InvalidAuthenticationTokenTenant)" in sku["message"]
    assert "run `az login` again" in sku["message"]
    kek = result.check("azure.kek")
    assert "401 Unauthorized" in kek["message"]
    assert result.unrecorded() == []


@requires_readers
def test_byok_file_for_another_kek_fails(az):
    byok_file = CASES / "securosys" / "005-byok-file-generator-GRIMSEL-RX-2.9.0-T.json"

    result = az("byok", "prereqs", "--vault-name", "contoso-kv", "--kek-name", "KEKforBYOK",
                "--byok-file", byok_file, recording="keyvault-ready")

    check = result.check("byok.file")
    assert check["status"] == "fail"
    assert "wrapped for key 'KekForByokR4k', but the KEK is 'KEKforBYOK'" in check["message"]
    assert result.code == EXIT_NOT_READY
