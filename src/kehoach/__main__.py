"""``python -m kehoach``."""

from kehoach.cli import main

raise SystemExit(main())
