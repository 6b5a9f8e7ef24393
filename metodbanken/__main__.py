"""python -m metodbanken: the content command."""

import sys

from metodbanken.cli import main

sys.exit(main())
