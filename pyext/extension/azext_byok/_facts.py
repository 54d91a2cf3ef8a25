"""Building facts fragments in the core's facts model (schema version 1)."""

FACTS_SCHEMA_VERSION = 1

# Fact sources, spelled as the core's `facts::source` constants so reports read the same in
# every host.
SOURCE_USER = "entered by user"
SOURCE_AZ_CLI_PROCESS = "azure-cli (in process)"
SOURCE_AZ_PROFILE = "az account (CLI profile)"
SOURCE_AZ_KEYVAULT_SHOW = "az keyvault show"
SOURCE_AZ_KEYVAULT_KEY_SHOW = "az keyvault key show"
SOURCE_JAVA_VERSION = "java -version"


class Fragment:
    """Facts gathered by one step, the warnings it raised, and nothing else."""

    def __init__(self):
        self.facts = {"schema_version": FACTS_SCHEMA_VERSION}
        self.warnings = []

    def set(self, path, value, source):
        """Set the fact at a dotted path such as `azure.kek.kty`."""
        *parents, leaf = path.split(".")
        node = self.facts
        for name in parents:
            node = node.setdefault(name, {})
        node[leaf] = {"value": value, "source": source}

    def unavailable(self, paths, reason):
        """Record why the facts at these paths could not be gathered.

        The core quotes the reason inside a sentence of its own, so a final period is dropped.
        """
        reasons = self.facts.setdefault("unavailable", {})
        for path in paths:
            reasons[path] = reason.rstrip(". ")

    def merge_parsed(self, parsed):
        """Take the facts and warnings of a `byok_prereqs.parse_text` result."""
        for section, value in parsed["facts"].items():
            if section != "schema_version":
                self.facts[section] = value
        self.warnings.extend(parsed.get("warnings", []))
