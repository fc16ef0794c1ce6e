// Shared builders for the related-articles tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { RelatedDocument } from '../../src/lib/related/index.ts';

const DAY_MS = 86_400_000;
const BASE_TIME = Date.UTC(2024, 0, 1);

/** A document with sensible empty defaults; `day` counts days after 2024-01-01. */
export function makeDoc(
  slug: string,
  fields: Partial<Omit<RelatedDocument, 'slug' | 'date'>> & { day?: number } = {},
): RelatedDocument {
  const { day = 0, ...rest } = fields;
  return {
    slug,
    title: '',
    summary: '',
    body: '',
    tags: [],
    category: '',
    ...rest,
    date: new Date(BASE_TIME + day * DAY_MS),
  };
}

const fixtureArticleSchema = z.strictObject({
  slug: z.string().min(1),
  topic: z.string().min(1),
  title: z.string().min(1),
  date: z.iso.datetime(),
  category: z.string().min(1),
  tags: z.array(z.string()),
  summary: z.string().min(1),
  body: z.string().min(1),
});

/** One labelled fixture article, ready for the index. */
export interface LabelledDocument extends RelatedDocument {
  readonly topic: string;
}

/** Loads tests/fixtures/related/articles.json, validating its shape. */
export function loadFixture(): LabelledDocument[] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/related/articles.json');
  const parsed = z.object({ articles: z.array(fixtureArticleSchema) }).parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return parsed.articles.map((a) => ({ ...a, date: new Date(a.date) }));
}
