"""`transdesk ...` with the desk's test engines registered: how the tests start a worker process."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for `fixtures`

from fixtures import _desk_engines  # noqa: E402,F401

from transdesk.cli import main  # noqa: E402

if __name__ == "__main__":
    main()
