"""``python -m app`` does what the ``leasemap`` command does."""

import sys

from app.cli import main

sys.exit(main())
