from compareapp.cli import main

raise SystemExit(main())
