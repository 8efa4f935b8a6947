"""`python -m wizard` is the same as the `policy-wizard` command."""

from wizard.cli import main

raise SystemExit(main())
