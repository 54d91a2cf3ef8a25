// Commands with copy buttons: names read from pasted text are filled into the catalogue's
// templates, and a name that a shell would act on is put back as its placeholder.

import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "../dist/byok-prereqs.js";
import { commandTemplates, guardCommand } from "../src/checklist-view.js";

const core = await load();
const templates = commandTemplates(core.rules());

test("plain names are kept", () => {
  const command = "az keyvault update --name contoso-kv --resource-group contoso-rg --set properties.sku.name=premium";
  assert.deepEqual(guardCommand(command, templates.get("azure.vault.sku")), { command, withheld: [] });

  const kid = "https://contoso-kv.vault.azure.net/keys/KEKforBYOK/083cf1b67d314d15b1fa46915cde3217";
  const wrap = `java -jar primus-tools.jar AzureByokExport <connection> -kekidentifier ${kid} -kekfile KEKforBYOK.publickey.pem -outfile my-key.byok -rsakey my-key`;
  assert.deepEqual(guardCommand(wrap, templates.get("byok.file")), { command: wrap, withheld: [] });
  assert.deepEqual(guardCommand("hsm_user_set_config key_export=true", templates.get("hsm.key-export")).withheld, []);
});

test("shell syntax in a name is withheld", () => {
  const cases = [
    ["azure.vault.sku", "az keyvault update --name kv$(touch /tmp/x) --resource-group contoso-rg --set properties.sku.name=premium", "az keyvault update --name <vault-name> --resource-group contoso-rg --set properties.sku.name=premium", "kv$(touch /tmp/x)"],
    ["azure.vault.ready", "az keyvault show --name kv`id`", "az keyvault show --name <vault-name>", "kv`id`"],
    ["azure.vault.sku", "az keyvault update --name contoso-kv --resource-group rg;id --set properties.sku.name=premium", "az keyvault update --name contoso-kv --resource-group <resource-group> --set properties.sku.name=premium", "rg;id"],
    ["hsm.target-key-flags", "java -jar primus-tools.jar ListKeyFlags <connection> -keyname a|b", "java -jar primus-tools.jar ListKeyFlags <connection> -keyname <key-name>", "a|b"],
    ["azure.vault.ready", "az keyvault show --name kv\nrm -rf ~", "az keyvault show --name <vault-name>", "kv\nrm -rf ~"],
  ];
  for (const [checkId, command, expected, value] of cases) {
    assert.deepEqual(guardCommand(command, templates.get(checkId)), { command: expected, withheld: [value] }, command);
  }
});

test("unmatched command with shell syntax is withheld", () => {
  const command = "az keyvault key create --kty RSA-HSM --size 2048 --name <kek-name> --ops import --vault-name kv;id";
  assert.deepEqual(guardCommand(command, templates.get("azure.kek")), { command: null, withheld: [command] });
  const plain = "az keyvault key create --kty RSA-HSM --size 2048 --name <kek-name> --ops import --vault-name kv";
  assert.deepEqual(guardCommand(plain, templates.get("azure.kek")), { command: plain, withheld: [] });
});

test("every catalogue command passes unchanged", () => {
  for (const [checkId, lines] of templates) {
    for (const line of lines) {
      assert.deepEqual(guardCommand(line, lines), { command: line, withheld: [] }, `${checkId}: ${line}`);
    }
  }
});

test("PowerShell array and splat syntax withheld", () => {
  for (const name of ["kv,rm", "@kv"]) {
    const command = `az keyvault show --name ${name}`;
    assert.deepEqual(guardCommand(command, templates.get("azure.vault.ready")), { command: "az keyvault show --name <vault-name>", withheld: [name] });
  }
});
