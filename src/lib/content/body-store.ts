// Temporary: the body store moved to src/lib/storage/body-store.ts (issue #21). This path stays
// only until src/data/ imports it from there; then delete this file.
export { readBody, startBodyPack, type BodyLocation, type BodyPackWriter } from '../storage/body-store.ts';
