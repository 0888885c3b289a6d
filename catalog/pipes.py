"""Command-line output whose reader went away (``python -m catalog changes | head -1``) ends quietly.

The way the Python documentation recommends (``signal`` module, "Note on SIGPIPE"): catch ``BrokenPipeError``,
point stdout at devnull so the interpreter's own flush at exit cannot fail (and print) again, and exit with 1.
Without it, the error handler of each command printed "error: : Broken pipe".
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable


def quiet_broken_pipe(command: Callable[[], int]) -> int:
    """``command()``'s exit status, with its output flushed; 1, silently, when the reader closed the pipe."""
    try:
        status = command()
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 1
