"""Facts from Azure: the CLI itself, the sign-in, the vault or Managed HSM through the
management SDK the CLI ships, and the KEK through the Key Vault data plane."""

from datetime import timezone

from knack.log import get_logger

from azext_byok._facts import (
    SOURCE_AZ_CLI_PROCESS,
    SOURCE_AZ_KEYVAULT_KEY_SHOW,
    SOURCE_AZ_KEYVAULT_SHOW,
    SOURCE_AZ_PROFILE,
    SOURCE_USER,
    Fragment,
)

logger = get_logger(__name__)

LOGIN_FACTS = ["azure.logged_in", "azure.subscription_state"]
VAULT_FACTS = [
    "azure.vault_found",
    "azure.vault_kind",
    "azure.vault_sku",
    "azure.vault_provisioning_state",
    "azure.mhsm_activation_status",
]
KEK_FACTS = ["azure.kek"]


def gather_cli():
    """Record the version of the running Azure CLI; no Azure call.

    NOTE: the installed extensions are left out: reading their metadata costs about 50 ms per
    run, and no check uses them.
    """
    from azure.cli.core import __version__ as cli_version

    fragment = Fragment()
    fragment.set("azure.cli_version", cli_version, SOURCE_AZ_CLI_PROCESS)
    return fragment


def gather_login(cli_ctx):
    """Read the sign-in and the default subscription from the CLI's profile."""
    from azure.cli.core._profile import Profile
    from knack.util import CLIError

    fragment = Fragment()
    try:
        subscription = Profile(cli_ctx=cli_ctx).get_subscription()
    except CLIError as error:
        logger.debug("No subscription in the CLI profile: %s", error)
        fragment.set("azure.logged_in", False, SOURCE_AZ_PROFILE)
        return fragment
    fragment.set("azure.logged_in", True, SOURCE_AZ_PROFILE)
    fragment.set("azure.subscription_id", subscription.get("id"), SOURCE_AZ_PROFILE)
    if subscription.get("state"):
        fragment.set("azure.subscription_state", subscription["state"], SOURCE_AZ_PROFILE)
    return fragment


def _client_options(timeout):
    # No retries: a throttled or slow call becomes `unknown` with its cause, and the run stays
    # within --timeout per call instead of sleeping for a Retry-After.
    return {"retry_total": 0, "connection_timeout": timeout, "read_timeout": timeout}


def gather_vault(cli_ctx, settings):
    """Read the Key Vault or Managed HSM as `az keyvault show` does."""
    from azure.cli.core.commands.client_factory import get_mgmt_service_client
    from azure.cli.core.profiles import ResourceType
    from azure.mgmt.core.tools import parse_resource_id

    fragment = Fragment()
    is_mhsm = bool(settings.hsm_name)
    name = settings.hsm_name or settings.vault_name
    noun = "Managed HSM" if is_mhsm else "vault"
    try:
        client = get_mgmt_service_client(cli_ctx, ResourceType.MGMT_KEYVAULT,
                                         **_client_options(settings.timeout))
        operations = client.managed_hsms if is_mhsm else client.vaults
        resource_group = settings.resource_group_name
        if not resource_group:
            # Like `az keyvault show`, find the resource group from the vaults in the subscription.
            for resource in operations.list_by_subscription():
                if resource.name.lower() == name.lower():
                    resource_group = parse_resource_id(resource.id)["resource_group"]
                    break
            else:
                fragment.set("azure.vault_found", False, SOURCE_AZ_KEYVAULT_SHOW)
                fragment.unavailable(
                    VAULT_FACTS, f"no {noun} named '{name}' is in the current subscription")
                return fragment
        resource = operations.get(resource_group, name)
    except Exception as error:  # pylint: disable=broad-except
        # Every failure becomes `unknown` for the vault checks, with the cause in plain words.
        status = getattr(error, "status_code", None)
        if status == 404:
            fragment.set("azure.vault_found", False, SOURCE_AZ_KEYVAULT_SHOW)
        resource_type = "managedHSMs" if is_mhsm else "vaults"
        cause = describe_azure_error(
            error, f"{noun} '{name}'",
            f"Microsoft.KeyVault/{resource_type}/read on {noun} '{name}' "
            "(for example the Reader role)", settings.timeout)
        fragment.unavailable(VAULT_FACTS, cause)
        logger.debug("Reading %s '%s' failed: %s", noun, name, error)
        return fragment

    # Attributes, not as_dict(): the SDK's model generations spell the dict keys differently.
    properties = getattr(resource, "properties", None)
    fragment.set("azure.vault_found", True, SOURCE_AZ_KEYVAULT_SHOW)
    fragment.set("azure.vault_kind", "managed-hsm" if is_mhsm else "key-vault",
                 SOURCE_AZ_KEYVAULT_SHOW)
    fragment.set("azure.resource_group", parse_resource_id(resource.id)["resource_group"],
                 SOURCE_AZ_KEYVAULT_SHOW)
    sku = _attribute(resource, "sku", "name") or _attribute(properties, "sku", "name")
    if sku:
        fragment.set("azure.vault_sku", _text(sku), SOURCE_AZ_KEYVAULT_SHOW)
    state = _attribute(properties, "provisioning_state")
    if state:
        fragment.set("azure.vault_provisioning_state", _text(state), SOURCE_AZ_KEYVAULT_SHOW)
    activation = _attribute(properties, "security_domain_properties", "activation_status")
    if activation:
        fragment.set("azure.mhsm_activation_status", _text(activation), SOURCE_AZ_KEYVAULT_SHOW)
    return fragment


def _attribute(model, *names):
    """Follow attribute names from a model; None when one is missing."""
    for name in names:
        model = getattr(model, name, None)
        if model is None:
            return None
    return model


def _text(value):
    """Return the service's text of an enum member, or a plain string unchanged."""
    return str(getattr(value, "value", value))


def kek_location(cli_ctx, settings):
    """Return (vault URL, key name, version or None) of the KEK the arguments name."""
    if settings.kek_id:
        from azure.keyvault.keys import KeyVaultKeyIdentifier

        identifier = KeyVaultKeyIdentifier(settings.kek_id.strip())
        return identifier.vault_url, identifier.name, identifier.version
    suffixes = cli_ctx.cloud.suffixes
    if settings.hsm_name:
        return f"https://{settings.hsm_name}{suffixes.mhsm_dns}", settings.kek_name, None
    return f"https://{settings.vault_name}{suffixes.keyvault_dns}", settings.kek_name, None


def gather_kek(cli_ctx, settings):
    """Read the KEK as `az keyvault key show` does."""
    from azure.cli.core._profile import Profile
    from azure.cli.core.commands.client_factory import prepare_client_kwargs_track2
    from azure.keyvault.keys import KeyClient

    fragment = Fragment()
    vault_url, name, version = kek_location(cli_ctx, settings)
    vault = vault_url.split("//", 1)[-1].split(".", 1)[0]
    try:
        credential, _, _ = Profile(cli_ctx=cli_ctx).get_login_credentials()
        options = prepare_client_kwargs_track2(cli_ctx)
        options.pop("http_logging_policy", None)
        options.update(_client_options(settings.timeout))
        client = KeyClient(vault_url=vault_url, credential=credential,
                           verify_challenge_resource=False, **options)
        key = client.get_key(name, version)
    except Exception as error:  # pylint: disable=broad-except
        # Every failure becomes `unknown` for the KEK check, with the cause in plain words.
        cause = describe_azure_error(error, f"key '{name}' in vault '{vault}'",
                                     f"the keys/get permission on vault '{vault}'",
                                     settings.timeout)
        fragment.unavailable(KEK_FACTS, cause)
        if settings.kek_id:
            # The identifier the user gave still lets the core match a .byok file to the KEK.
            fragment.set("azure.kek.kid", settings.kek_id.strip(), SOURCE_USER)
        logger.debug("Reading the KEK '%s' failed: %s", name, error)
        return fragment

    source = SOURCE_AZ_KEYVAULT_KEY_SHOW
    fragment.set("azure.kek.kid", key.id, source)
    fragment.set("azure.kek.kty", _text(key.key_type), source)
    operations = [_text(operation) for operation in (key.key_operations or [])]
    fragment.set("azure.kek.key_ops", operations, source)
    modulus = getattr(key.key, "n", None)
    if modulus:
        fragment.set("azure.kek.size_bits", int.from_bytes(modulus, "big").bit_length(), source)
    if key.properties.enabled is not None:
        fragment.set("azure.kek.enabled", bool(key.properties.enabled), source)
    if key.properties.expires_on:
        fragment.set("azure.kek.expires", _rfc3339(key.properties.expires_on), source)
    if key.properties.not_before:
        fragment.set("azure.kek.not_before", _rfc3339(key.properties.not_before), source)
    return fragment


def _rfc3339(moment):
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def describe_azure_error(error, resource, permission, timeout):
    """Return the cause of a failed Azure call in plain words, naming the resource.

    `permission` names the missing right and where it is missing, for a 403 response.
    """
    from azure.core.exceptions import (
        ServiceRequestError,
        ServiceRequestTimeoutError,
        ServiceResponseTimeoutError,
    )

    status = getattr(error, "status_code", None)
    service_code = _service_error_code(error)
    detail = f" ({service_code})" if service_code else ""
    if status == 401:
        return (f"401 Unauthorized{detail}: Azure did not accept the sign-in for {resource}; "
                "run `az login` again")
    if status == 403:
        return f"403 Forbidden{detail}: the signed-in identity lacks {permission}"
    if status == 404:
        return f"404 Not Found{detail}: {resource} does not exist or is not visible"
    if status == 429:
        retry_after = _header(error, "Retry-After")
        wait = f"; retry after {retry_after} s" if retry_after else "; retry later"
        return f"429 Too Many Requests: Azure throttled the request for {resource}{wait}"
    if status is not None:
        return f"{status} {getattr(error, 'reason', '') or 'error'}{detail} reading {resource}"
    if isinstance(error, (ServiceRequestTimeoutError, ServiceResponseTimeoutError)):
        return f"Azure did not answer within {timeout} s while reading {resource}"
    if isinstance(error, ServiceRequestError):
        return f"could not connect to Azure to read {resource}: {_first_line(error)}"
    return f"reading {resource} failed: {_first_line(error)}"


# Service error codes that only repeat the HTTP status.
_GENERIC_CODES = {"unauthorized", "forbidden", "notfound", "toomanyrequests"}


def _service_error_code(error):
    """Return the most specific service error code, such as AccessDenied or ResourceNotFound."""
    odata = getattr(error, "error", None)
    inner = getattr(odata, "innererror", None) or {}
    code = inner.get("code") if isinstance(inner, dict) else None
    code = code or getattr(odata, "code", None)
    if code and code.lower() in _GENERIC_CODES:
        return None
    return code


def _header(error, name):
    response = getattr(error, "response", None)
    if response is None:
        return None
    return response.headers.get(name)


def _first_line(error):
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
