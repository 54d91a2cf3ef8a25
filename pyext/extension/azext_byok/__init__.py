"""Azure CLI extension `byok`: `az byok prereqs` checks the prerequisites for BYOK."""

from azure.cli.core import AzCommandsLoader

from azext_byok._help import helps  # pylint: disable=unused-import


class ByokCommandsLoader(AzCommandsLoader):
    def __init__(self, cli_ctx=None):
        from azure.cli.core.commands import CliCommandType

        custom_command_type = CliCommandType(operations_tmpl="azext_byok.custom#{}")
        super().__init__(cli_ctx=cli_ctx, custom_command_type=custom_command_type)

    def load_command_table(self, args):
        from azext_byok.commands import load_command_table

        load_command_table(self, args)
        return self.command_table

    def load_arguments(self, command):
        from azext_byok._params import load_arguments

        load_arguments(self, command)


COMMAND_LOADER_CLS = ByokCommandsLoader
