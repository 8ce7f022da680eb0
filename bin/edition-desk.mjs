#!/usr/bin/env node
// The command line is bin/edition-desk.cjs (package.json's bin; a CommonJS entry starts
// without Node's ES module loader, issue 15). This name still runs it, for scripts that
// call the file by its earlier path.
import './edition-desk.cjs';
