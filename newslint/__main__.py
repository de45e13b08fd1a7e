from newslint.cli.main import main

raise SystemExit(main())
