# Shared settings for the project's scripts; source it, do not run it.

# Tools installed by the scripts (Azure CLI virtual environment, npm packages) live here, so a
# second run on the same machine reuses them. Override with BYOK_CACHE.
export BYOK_CACHE="${BYOK_CACHE:-$HOME/.cache/byok-prereqs}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

step() {
    printf '\n==> %s\n' "$*"
}
