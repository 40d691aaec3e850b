/**
 * `npm run ingest -- [options] <file|dir>…`: raw news in, archive articles out.
 * The command line is scripts/lib/ingest/ingest-cli.ts, the work
 * scripts/lib/ingest/; this file only turns on Node's compile cache before
 * they load.
 */
import { enableCompileCache } from 'node:module';

// Compiled modules are kept in Node's own cache (in the system's temporary folder): later runs start about 0.3 s sooner.
enableCompileCache();
const { ingestCli } = await import('./lib/ingest/ingest-cli.ts');
await ingestCli(process.argv.slice(2));
