// Node 20's `node --test <dir>` only picks up files named like *.test.mjs; this makes
// `node --test client/e2e/` run every browser scenario (*.e2e.mjs, which tools/test.mjs runs directly).
import './shell.e2e.mjs';
import './designer.e2e.mjs';
import './inbox.e2e.mjs';
import './documents.e2e.mjs';
import './monitor.e2e.mjs';
import './incoming-flow.e2e.mjs';
import './admin.e2e.mjs';
import './letter.e2e.mjs';
import './audit-console.e2e.mjs';
import './states.e2e.mjs';
