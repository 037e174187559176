"""`python -m localoffer.cli` is `localoffer`."""

import sys

from localoffer.cli import main

sys.exit(main())
