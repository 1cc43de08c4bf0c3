import sys

from socialdesk.cli import main

sys.exit(main())
