"""`python -m detente`: the command line."""

import sys

from detente.cli import main

sys.exit(main())
