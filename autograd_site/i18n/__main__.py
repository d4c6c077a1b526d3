import sys

from autograd_site.i18n.cli import main

sys.exit(main())
