"""Writes the recordings in this folder from the real response shapes in tests/cases.

Run it with PyYAML installed after changing a case or adding a recording:
    python tests/python/recordings/make_recordings.py
"""

import copy
import json
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SUB = "00000000-0000-0000-0000-000000000000"
TENANT = "11111111-1111-1111-1111-111111111111"
ARM = "https://management.azure.com"
cases = str(HERE.parents[1] / "cases") + "/"
vault = json.load(open(cases + "keyvault-show/003-arm-get-2023-02-01-premium-systemdata.json"))
standard = json.load(open(cases + "keyvault-show/004-arm-put-2019-09-01-standard-registeringdns.json"))
mhsm = json.load(open(cases + "mhsm-show/001-arm-get-2020-preview-standard-b1.json"))
mhsm["properties"]["securityDomainProperties"] = {"activationStatus": "Active", "activationStatusMessage": "Your HSM has been activated and can be used for cryptographic operations."}
kek = json.load(open(cases + "keyvault-key/002-rest-kek-rsa-hsm-2048-import-exp.json"))
kek["key"]["kid"] = "https://contoso-kv.vault.azure.net/keys/KEKforBYOK/87c15ea766884e3ea96e1bdbad7eb227"
kek["attributes"]["exp"] = 1893456000  # 2030-01-01T00:00:00Z
expired = json.load(open(cases + "keyvault-key/002-rest-kek-rsa-hsm-2048-import-exp.json"))
expired["key"]["kid"] = "https://contoso-kv.vault.azure.net/keys/KEKforBYOK/87c15ea766884e3ea96e1bdbad7eb227"
mhsm_kek = copy.deepcopy(kek)
mhsm_kek["key"]["kid"] = "https://contoso-mhsm.managedhsm.azure.net/keys/KEKforBYOK/4f4ed3d7a2d50ad5a49b1a3f5c1c7f41"

def resp(code, message, body, headers=None, delay=None):
    h = {"Cache-Control": ["no-cache"], "Content-Type": ["application/json; charset=utf-8"]}
    h.update(headers or {})
    r = {"body": {"string": json.dumps(body, separators=(",", ":"))}, "headers": h, "status": {"code": code, "message": message}}
    if delay: r["delay"] = delay
    return r

def req(method, uri):
    return {"body": None, "headers": {"Accept": ["application/json"], "CommandName": ["byok prereqs"]}, "method": method, "uri": uri}

def i(method, uri, response):
    return {"request": req(method, uri), "response": response}

VAULT_API = "?api-version=2024-11-01"
list_vaults = f"{ARM}/subscriptions/{SUB}/providers/Microsoft.KeyVault/vaults{VAULT_API}"
get_vault = f"{ARM}/subscriptions/{SUB}/resourceGroups/contoso-rg/providers/Microsoft.KeyVault/vaults/contoso-kv{VAULT_API}"
list_mhsm = f"{ARM}/subscriptions/{SUB}/providers/Microsoft.KeyVault/managedHSMs{VAULT_API}"
get_mhsm = f"{ARM}/subscriptions/{SUB}/resourceGroups/contoso-rg/providers/Microsoft.KeyVault/managedHSMs/contoso-mhsm{VAULT_API}"
key_uri = "https://contoso-kv.vault.azure.net/keys/KEKforBYOK/?api-version=7.6"
mhsm_key_uri = "https://contoso-mhsm.managedhsm.azure.net/keys/KEKforBYOK/?api-version=7.6"
challenge = lambda resource: resp(401, "Unauthorized", {"error": {"code": "Unauthorized", "message": "AKV10000: Request is missing a Bearer or PoP token."}},
    {"WWW-Authenticate": [f'Bearer authorization="https://login.microsoftonline.com/{TENANT}", resource="{resource}"']})
ok = lambda body: resp(200, "OK", body)
not_found = resp(404, "Not Found", {"error": {"code": "ResourceNotFound", "message": "The Resource 'Microsoft.KeyVault/vaults/contoso-kv' under resource group 'contoso-rg' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix"}})
forbidden = resp(403, "Forbidden", {"error": {"code": "Forbidden", "message": f"The user, group or application 'appid=04b07795-8ddb-461a-bbee-02f9e1bf7b46;oid=22222222-2222-2222-2222-222222222222;iss=https://sts.windows.net/{TENANT}/' does not have keys get permission on key vault 'contoso-kv;location=eastus'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287", "innererror": {"code": "AccessDenied"}}})
throttled = resp(429, "Too Many Requests", {"error": {"code": "TooManyRequests", "message": f"Number of 'read' requests for subscription '{SUB}' actor '22222222-2222-2222-2222-222222222222' exceeded. Please try again after '17' seconds after additional '1' requests. Please see https://aka.ms/arm-throttling for additional information."}}, {"Retry-After": ["17"]})
key_not_found = resp(404, "Not Found", {"error": {"code": "KeyNotFound", "message": "A key with (name/id) KEKforBYOK was not found in this key vault. If you recently deleted this key you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182"}})

wrong_tenant = resp(401, "Unauthorized", {"error": {"code": "InvalidAuthenticationTokenTenant", "message": f"The access token is from the wrong issuer 'https://sts.windows.net/44444444-4444-4444-4444-444444444444/'. It must match the tenant 'https://sts.windows.net/{TENANT}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/{TENANT}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later."}})
token_expired = resp(401, "Unauthorized", {"error": {"code": "Unauthorized", "message": "AKV10022: Invalid audience. Expected https://vault.azure.net, found: https://management.azure.com/."}},
    {"WWW-Authenticate": [f'Bearer authorization="https://login.microsoftonline.com/{TENANT}", resource="https://vault.azure.net"']})

recordings = {
    "unauthorized": ("Azure Resource Manager rejects a token from another tenant, and Key Vault rejects the token's audience (401).",
        [i("GET", get_vault, wrong_tenant),
         i("GET", key_uri, challenge("https://vault.azure.net")), i("GET", key_uri, token_expired)]),
    "keyvault-ready": ("Premium Key Vault found through the subscription's vault list, and a KEK allowed only to import.",
        [i("GET", list_vaults, ok({"value": [vault]})), i("GET", get_vault, ok(vault)),
         i("GET", key_uri, challenge("https://vault.azure.net")), i("GET", key_uri, ok(kek))]),
    "keyvault-standard-expired-kek": ("Standard Key Vault still registering DNS, and an expired KEK.",
        [i("GET", get_vault, ok(standard)),
         i("GET", key_uri, challenge("https://vault.azure.net")), i("GET", key_uri, ok(expired))]),
    "vault-not-found": ("The vault does not exist in the resource group (ARM ResourceNotFound), and no key with the KEK's name (KeyNotFound).",
        [i("GET", get_vault, not_found),
         i("GET", key_uri, challenge("https://vault.azure.net")), i("GET", key_uri, key_not_found)]),
    "kek-forbidden": ("The vault is readable, but the identity lacks the keys/get permission (access policy).",
        [i("GET", get_vault, ok(vault)),
         i("GET", key_uri, challenge("https://vault.azure.net")), i("GET", key_uri, forbidden)]),
    "throttled": ("Azure Resource Manager throttles the vault read (429 with Retry-After).",
        [i("GET", get_vault, throttled),
         i("GET", key_uri, challenge("https://vault.azure.net")), i("GET", key_uri, ok(kek))]),
    "slow-vault": ("Azure Resource Manager answers the vault read after 5 seconds.",
        [i("GET", get_vault, resp(200, "OK", vault, delay=5))]),
    "managed-hsm-ready": ("Activated Managed HSM found through the subscription's list, and a KEK allowed only to import.",
        [i("GET", list_mhsm, ok({"value": [mhsm]})), i("GET", get_mhsm, ok(mhsm)),
         i("GET", mhsm_key_uri, challenge("https://managedhsm.azure.net")), i("GET", mhsm_key_uri, ok(mhsm_kek))]),
}
for name, (description, interactions) in recordings.items():
    with open(HERE / f"{name}.yaml", "w", encoding="utf-8") as f:
        f.write(f"# {description}\n# Bodies have the shapes of the real answers in tests/cases.\n")
        yaml.safe_dump({"interactions": interactions, "version": 1}, f, sort_keys=False, width=100)
