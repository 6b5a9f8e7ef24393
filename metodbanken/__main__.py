"""python -m metodbanken: the content command."""

import sys

from .cli import main

sys.exit(main())
