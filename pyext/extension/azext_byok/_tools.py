"""Runs java and Primus Tools on this computer: no shell, an argument list, a timeout per call,
and output read up to a bound.

Passwords reach Primus Tools only as `file:<path>`: this module never opens a password file.
"""

import os
import signal
import subprocess
import threading

from knack.log import get_logger

from azext_byok._constants import MAX_TOOL_OUTPUT_BYTES

logger = get_logger(__name__)

# Maximum length, in characters, of a tool's error output quoted in a report message.
_MAX_EXCERPT_CHARS = 200


class ToolFailure(Exception):
    """A tool run that gave no usable output; the message is the cause in plain words."""


class ToolNotFound(ToolFailure):
    """The executable does not exist or cannot be run."""


class ToolRun:
    """Output of one finished run. `output` is stdout then stderr, decoded as UTF-8."""

    def __init__(self, returncode, stdout, stderr, truncated):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.truncated = truncated

    @property
    def output(self):
        return "\n".join(part for part in (self.stdout, self.stderr) if part)


def _read_bounded(stream, chunks, limit, state):
    """Read a pipe to its end, keeping at most `limit` bytes so the child never blocks."""
    kept = 0
    while True:
        chunk = stream.read(65536)
        if not chunk:
            break
        if kept < limit:
            chunks.append(chunk[: limit - kept])
            kept += len(chunks[-1])
        if kept >= limit:
            state["truncated"] = True
    stream.close()


def run_tool(argv, label, timeout):
    """Run `argv` without a shell and return a ToolRun.

    Raises ToolNotFound when the executable is missing and ToolFailure when the run timed out.
    """
    logger.debug("Running %s: %s", label, argv)
    try:
        process = subprocess.Popen(  # pylint: disable=consider-using-with
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except FileNotFoundError as error:
        raise ToolNotFound(f"'{argv[0]}' was not found") from error
    except PermissionError as error:
        raise ToolNotFound(f"'{argv[0]}' cannot be run: permission denied") from error
    except OSError as error:
        raise ToolNotFound(f"'{argv[0]}' cannot be run: {error.strerror}") from error

    state = {"truncated": False}
    stdout_chunks, stderr_chunks = [], []
    readers = [
        threading.Thread(target=_read_bounded,
                         args=(process.stdout, stdout_chunks, MAX_TOOL_OUTPUT_BYTES, state),
                         daemon=True),
        threading.Thread(target=_read_bounded,
                         args=(process.stderr, stderr_chunks, MAX_TOOL_OUTPUT_BYTES, state),
                         daemon=True),
    ]
    for reader in readers:
        reader.start()

    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        # The whole process group goes, so a JVM's children cannot keep the pipes open.
        _kill_group(process)
        logger.debug("%s timed out after %s s and was stopped", label, timeout)
        raise ToolFailure(f"{label} did not answer within {timeout} s") from None
    finally:
        for reader in readers:
            reader.join(timeout=5)

    stdout = b"".join(stdout_chunks).decode("utf-8", errors="replace")
    stderr = b"".join(stderr_chunks).decode("utf-8", errors="replace")
    if state["truncated"]:
        logger.debug("%s printed more than %d bytes; the rest was discarded",
                     label, MAX_TOOL_OUTPUT_BYTES)
    logger.debug("%s exited with code %s", label, process.returncode)
    return ToolRun(process.returncode, stdout, stderr, state["truncated"])


def _kill_group(process):
    if hasattr(os, "killpg"):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    else:
        # Windows has no process groups here; the JVM is stopped on its own.
        process.kill()
    process.wait()


def failure_excerpt(run):
    """Return the line of a failed run that best names the cause, such as the exception line."""
    lines = [line.strip() for line in run.output.splitlines() if line.strip()]
    for line in lines:
        if "Exception" in line or "Error" in line:
            return line[:_MAX_EXCERPT_CHARS]
    if lines:
        return lines[0][:_MAX_EXCERPT_CHARS]
    return "no output"
