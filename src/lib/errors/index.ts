export * from './warta-error.ts';
export * as ContentErrors from './catalogue.ts';
