// Node 20's `node --test <dir>` only picks up files named like *.test.mjs; this makes
// `node --test client/e2e/` run the browser scenarios in shell.e2e.mjs and designer.e2e.mjs.
import './shell.e2e.mjs';
import './designer.e2e.mjs';
