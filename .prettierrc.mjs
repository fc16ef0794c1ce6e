// Prettier (issue #21). Prettier rather than Biome: Biome formats .astro files only in part (the
// frontmatter script; the template is experimental and opt-in), while prettier-plugin-astro is the
// formatter Astro itself documents and formats the whole component, template and expressions included.
// ESLint does the linting (eslint.config.js), so Biome's linter would not be used either.
//
// The options match the style the code is already written in: single quotes, semicolons, two spaces,
// trailing commas and parentheses around every arrow parameter (Prettier's defaults for the last three).

/** @type {import('prettier').Config} */
const config = {
  singleQuote: true,
  // The code is written to about 120 columns: over 1,000 lines are 110 to 119 characters long and the
  // count falls off sharply past 120 (the 2026-11-30 review found 225 longer lines, the longest 427, most
  // of them Tailwind class lists in .astro files and long doc comments). 120 keeps almost every existing
  // line as it is and fits two editors side by side; Prettier's default of 80 would rewrap most of the tree.
  printWidth: 120,
  plugins: ['prettier-plugin-astro'],
  overrides: [{ files: '*.astro', options: { parser: 'astro' } }],
};

export default config;
