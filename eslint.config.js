// ESLint flat config (issue #21): typescript-eslint's type-checked strict and stylistic sets over every
// TypeScript and JavaScript file, with types from tsconfig.json; eslint-plugin-astro for .astro
// components. Layout is Prettier's job (.prettierrc.mjs), so no rule here checks formatting.
//
// Every override below says why it is there: add none without a reason.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Overrides shared by TypeScript, JavaScript and .astro files. */
const sharedRules = {
  // Build reports, benchmarks and page labels print counts, sizes and milliseconds in template
  // literals (`${count} files written`); String(count) at every one of them would add noise and catch
  // nothing. The other options repeat strictTypeChecked's, since an override replaces them all (the
  // rule's own defaults would allow any, booleans, nullish values and regular expressions).
  '@typescript-eslint/restrict-template-expressions': [
    'error',
    {
      allowAny: false,
      allowBoolean: false,
      allowNever: false,
      allowNullish: false,
      allowNumber: true,
      allowRegExp: false,
    },
  ],
  // The code reads index-signature keys with brackets (process.env['WARTA_NOW'], hast
  // node.properties['src'], Pagefind meta['image']), the convention of TypeScript's
  // noPropertyAccessFromIndexSignature: a bracket says the key may be missing, a dot says it is declared.
  '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
  // `expect(() => index.add(doc)).toThrow()`, `() => clearTimeout(timer)` and Node callbacks
  // `(e) => (e ? reject(e) : resolve())` are the idiom; braces around them add lines and catch nothing.
  // A void value used as a value anywhere else (assigned, returned from a block, in a condition) is still
  // an error.
  '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
  // The stylistic set asks for `value!` wherever `value as T` only removes undefined, and the strict set's
  // no-non-null-assertion forbids `value!`: the two cannot both be met (typescript-eslint's docs say not
  // to enable both). The strict rule wins; an `as T` that drops undefined stays allowed.
  '@typescript-eslint/non-nullable-type-assertion-style': 'off',
};

export default defineConfig(
  {
    name: 'warta/ignores',
    ignores: [
      'dist/',
      'dist.staging-*/',
      'dist.old-*/',
      '.astro/',
      'coverage/',
      'test-results/',
      '.warta-cache/',
      'scratch/',
      // Inputs and expected outputs of fixture tests: their bytes are the test, not code to lint.
      'tests/fixtures/',
    ],
  },
  {
    name: 'warta/options',
    // An eslint-disable comment that no longer suppresses anything is an error, so none outlives its reason.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    name: 'warta/typescript',
    files: ['**/*.{ts,mts,js,mjs}'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          // The two tool configs are outside tsconfig.json's include list; every other file is in it.
          allowDefaultProject: ['eslint.config.js', '.prettierrc.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: sharedRules,
  },
  {
    name: 'warta/javascript',
    // Plain JavaScript run by Node (the configs, the build logger) needs Node's globals for `no-undef`,
    // which TypeScript files leave to the compiler.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'warta/tests',
    files: ['tests/**'],
    rules: {
      // With noUncheckedIndexedAccess every `results[0]` is `T | undefined`; in a test, `results[0]!.slug`
      // states what the test expects, and if it is wrong the test fails at that line with a TypeError,
      // as an expect() would. Source files keep the rule and handle the missing case.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    name: 'warta/astro',
    files: ['**/*.astro'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked, astro.configs.recommended],
    languageOptions: {
      parserOptions: {
        // astro-eslint-parser does not support the project service (it warns and falls back to this).
        project: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      ...sharedRules,
      // A template expression such as `items.map((item) => <li>{item.title}</li>)` returns a JSX element,
      // whose type astro-eslint-parser's TSX view of the component leaves unresolved (Astro declares
      // astroHTML.JSX.Element as `any`); every finding of this rule in .astro files was such a map() over
      // markup, none a real one. The other no-unsafe-* rules stay on. They flag a page whose `Astro.props`
      // is untyped, since the parser does not infer props from getStaticPaths() as Astro's tooling does;
      // the fix is one line in the page: `type Props = InferGetStaticPropsType<typeof getStaticPaths>;`.
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
