// The published-article table lives in the build context (build-context.ts); this module only
// keeps the content loader's import path until it imports the context itself.
export { findPublishedArticles, publishArticle, publishedArticle, publishedBody } from './build-context.ts';
