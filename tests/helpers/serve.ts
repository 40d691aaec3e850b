export { serveStatic, type StaticServer } from '../../scripts/lib/serve-static.ts';
