/**
 * The components an article may import: `import { Figure, Embed } from '@arkhiv/article';`
 * (the build maps that name here; see `catalogue.ts` for what each accepts).
 */
export { default as Embed } from './Embed.astro';
export { default as Figure } from './Figure.astro';
export { default as PullQuote } from './PullQuote.astro';
export { default as SourceDocument } from './SourceDocument.astro';
