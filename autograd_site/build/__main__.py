import sys

from autograd_site.build.site import main

sys.exit(main())
