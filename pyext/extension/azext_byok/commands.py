"""Command table of the `byok` extension."""

from azext_byok._format import transform_report_table
from azext_byok._validators import validate_prereqs


def load_command_table(self, _):
    with self.command_group("byok", is_preview=True) as group:
        group.custom_command(
            "prereqs",
            "byok_prereqs",
            validator=validate_prereqs,
            table_transformer=transform_report_table,
        )
