import sys

from socialdesk.cli import main

# Guarded: scoring worker processes re-import the main module when they start.
if __name__ == "__main__":
    sys.exit(main())
