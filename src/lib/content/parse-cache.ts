// Temporary: the parse cache moved to src/lib/storage/ (issue #21), digestCode to
// src/lib/storage/digest-code.ts. This path stays only until content.config.ts and the search
// integration import from there; then delete this file.
export { digestCode } from '../storage/digest-code.ts';
export { openParseCache, type ParseCache } from '../storage/parse-cache.ts';
