"""Values shared by the command, its help and its validators."""

# Exit codes. `az` itself uses 0 (success), 1 (error), 2 (usage error) and 3 (resource not
# found in some commands), so the verdicts take the next free codes.
EXIT_READY = 0
EXIT_NOT_READY = 4
EXIT_INCOMPLETE = 5

# Seconds each external call (an Azure request, a Primus Tools or java run) may take.
DEFAULT_TIMEOUT_SECONDS = 30
MAX_TIMEOUT_SECONDS = 600

# Bytes read from the output of one Primus Tools or java run; the rest is discarded.
MAX_TOOL_OUTPUT_BYTES = 1024 * 1024

# Calls that take longer than this many seconds show progress on stderr.
PROGRESS_DELAY_SECONDS = 1.0

KEY_TYPES = ["RSA", "EC", "oct"]
CURVES = ["P-256", "P-384", "P-521", "P-256K"]
HSM_SERVICES = ["primus", "cloudhsm"]
FAIL_ON_STATUSES = ["fail", "warn", "unknown"]
