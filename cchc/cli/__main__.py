"""``python -m cchc.cli``: the ``cchc`` command without its console script."""

import sys

from cchc.cli.main import main

sys.exit(main())
