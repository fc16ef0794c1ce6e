import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { embedHost, restrictEmbeds } from './embeds.ts';
import { DEFAULT_EMBED_HOSTS } from './sanitize-schema.ts';

/** Options of {@link rehypeEmbeds}. */
export interface EmbedOptions {
  /** Hosts allowed in `<iframe src>`. Default: {@link DEFAULT_EMBED_HOSTS}. */
  readonly hosts?: readonly string[] | undefined;
}

/** The defaults of {@link EmbedOptions}. */
export const defaultEmbedOptions: { readonly hosts: readonly string[] } = { hosts: DEFAULT_EMBED_HOSTS };

/**
 * Keeps `<iframe>` embeds only from allowed hosts, lazy and sandboxed (see `restrictEmbeds`); each
 * removed one is reported where the editor wrote it. Runs after sanitizing, which keeps iframes
 * but cannot check their hosts.
 */
export const rehypeEmbeds: Plugin<[EmbedOptions?], Root> = function (options = {}) {
  const hosts = options.hosts ?? defaultEmbedOptions.hosts;
  return (tree, file) => {
    for (const iframe of restrictEmbeds(tree, hosts)) {
      const host = embedHost(iframe);
      const reason =
        host === ''
          ? 'an <iframe> whose src is not an https URL'
          : `an <iframe> from ${host}, which is not an allowed embed host`;
      file.message(`Removed ${reason}`, { place: iframe.position, ruleId: 'iframe-host', source: 'rehype-embeds' });
    }
  };
};
