"""python -m scripts.validate: see scripts/validate/__init__.py."""
import sys

from scripts.validate import main

sys.exit(main())
