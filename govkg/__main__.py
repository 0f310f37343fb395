from govkg.cli import main

raise SystemExit(main())
