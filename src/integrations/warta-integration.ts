import type { AstroIntegration } from 'astro';

/**
 * Tells the content layer whether this is the dev server: drafts and tolerant error handling
 * are for `astro dev` only. Vite's mode is not a safe signal, since NODE_ENV=test or a custom
 * --mode would turn a production build into a "dev" one and publish drafts.
 */
export function wartaIntegration(): AstroIntegration {
  return {
    name: 'warta',
    hooks: {
      'astro:config:setup': ({ command }) => {
        process.env['WARTA_COMMAND'] = command;
      },
    },
  };
}
