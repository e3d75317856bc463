"""The one Kiwi (kiwipiepy) analyser of the process, shared by sentence splitting and the checks.

Building Kiwi loads its model (seconds); `kiwi()` does it once. A Kiwi instance must not be used
by two threads at once: callers hold `kiwi_lock` around every call.
"""

from __future__ import annotations

import functools
import threading

kiwi_lock = threading.Lock()


@functools.cache
def kiwi():  # type: ignore[no-untyped-def]
    from kiwipiepy import Kiwi

    return Kiwi()
