"""Playback of Azure calls for `az` subprocesses in the tests; test code, never shipped.

The tests put this folder on PYTHONPATH of an `az` subprocess only, with BYOK_PLAYBACK naming
a recording in the Azure CLI recording format (vcrpy YAML: `interactions`, each a `request`
and a `response`). Then:

- every HTTP request the CLI sends through `requests` gets its response from the recording, matched
  on method, host and path (the query, which carries api-version, is ignored). Repeated
  requests take the recorded responses in order. An unrecorded request fails with a connection
  error and is written to BYOK_PLAYBACK_LOG, so no request can reach a real endpoint;
- the CLI's profile gives a fake credential, because the recording contains no token. The
  subscription still comes from the azureProfile.json in AZURE_CONFIG_DIR, so a profile with
  no subscription still means "not signed in".

With BYOK_WATCH_FILES (paths separated by os.pathsep), an audit hook logs `OPENED <path>`
to BYOK_PLAYBACK_LOG whenever this Python process opens one of those files, which lets the
tests prove that password files are never read.

A response may carry `delay: <seconds>`; the response then waits that long, or raises a read
timeout when the client's read timeout is shorter, as a slow service would.
"""

import io
import os
import time
from collections import defaultdict, deque
from urllib.parse import urlsplit

_RECORDING = os.environ.get("BYOK_PLAYBACK")
_LOG = os.environ.get("BYOK_PLAYBACK_LOG")


def _request_key(method, url):
    parts = urlsplit(url)
    return method.upper(), parts.hostname.lower(), parts.path.rstrip("/").lower()


def _load(path):
    import yaml

    with open(path, encoding="utf-8") as stream:
        recording = yaml.safe_load(stream)
    answers = defaultdict(deque)
    for interaction in recording.get("interactions", []):
        request = interaction["request"]
        answers[_request_key(request["method"], request["uri"])].append(interaction["response"])
    return answers


def _log(line):
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as stream:
            stream.write(line + "\n")


def _install_transport(answers):
    import requests
    from requests.adapters import HTTPAdapter
    from requests.structures import CaseInsensitiveDict
    from urllib3.response import HTTPResponse

    def send(self, request, stream=False, timeout=None, **kwargs):  # pylint: disable=unused-argument
        key = _request_key(request.method, request.url)
        queue = answers.get(key)
        if not queue:
            _log(f"UNRECORDED {request.method} {request.url}")
            raise requests.exceptions.ConnectionError(
                f"playback: no recorded response for {request.method} {request.url}",
                request=request)
        recorded = queue.popleft()
        _log(f"ANSWERED {request.method} {request.url} {recorded['status']['code']}")

        delay = float(recorded.get("delay", 0))
        read_timeout = timeout[1] if isinstance(timeout, tuple) else timeout
        if delay and read_timeout is not None and delay > float(read_timeout):
            time.sleep(float(read_timeout))
            raise requests.exceptions.ReadTimeout(
                f"playback: read timed out after {read_timeout} s", request=request)
        if delay:
            time.sleep(delay)

        response = requests.Response()
        response.status_code = recorded["status"]["code"]
        response.reason = recorded["status"].get("message", "")
        headers = CaseInsensitiveDict()
        for name, values in (recorded.get("headers") or {}).items():
            headers[name] = ", ".join(values) if isinstance(values, list) else str(values)
        response.headers = headers
        body = (recorded.get("body") or {}).get("string") or ""
        content = body.encode("utf-8") if isinstance(body, str) else body
        # azure-core reads the urllib3 response under `raw`, so the replayed response has one too.
        response.raw = HTTPResponse(body=io.BytesIO(content), headers=dict(headers),
                                    status=response.status_code, reason=response.reason,
                                    preload_content=False, decode_content=False)
        response._content = content  # pylint: disable=protected-access
        response.encoding = "utf-8"
        response.url = request.url
        response.request = request
        response.connection = self
        return response

    HTTPAdapter.send = send


class _PlaybackCredential:
    """A credential whose token only the playback accepts."""

    def get_token(self, *scopes, **kwargs):  # pylint: disable=unused-argument
        from azure.core.credentials import AccessToken

        return AccessToken("playback-token", int(time.time()) + 3600)

    def get_token_info(self, *scopes, options=None):  # pylint: disable=unused-argument
        from azure.core.credentials import AccessTokenInfo

        return AccessTokenInfo("playback-token", int(time.time()) + 3600)


def _install_credential():
    from azure.cli.core._profile import Profile

    def get_login_credentials(self, subscription_id=None, aux_subscriptions=None,  # pylint: disable=unused-argument
                              aux_tenants=None, sdk_credential=True):
        account = self.get_subscription(subscription_id)
        return _PlaybackCredential(), account["id"], account["tenantId"]

    Profile.get_login_credentials = get_login_credentials


def _install_file_watch(paths):
    import sys

    watched = {os.path.realpath(path) for path in paths if path}

    def audit(event, args):
        if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            path = os.path.realpath(os.fsdecode(args[0]))
            if path in watched:
                _log(f"OPENED {path}")

    sys.addaudithook(audit)


if os.environ.get("BYOK_WATCH_FILES"):
    _install_file_watch(os.environ["BYOK_WATCH_FILES"].split(os.pathsep))

if _RECORDING:
    _install_transport(_load(_RECORDING))
    _install_credential()
