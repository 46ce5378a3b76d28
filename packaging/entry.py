"""Entry point of the frozen application (PyInstaller starts here)."""

import sys

from app.cli import main

sys.exit(main())
