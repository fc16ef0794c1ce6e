import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { resolveImage } from '../content/resolve-image.ts';
import type { SourcePosition, WartaError } from '../errors/index.ts';
import { pictureFor, type ImageAsset } from '../images/variants.ts';
import type { ImageDependency } from '../storage/image-probe.ts';
import type { ImageOptions } from './processor.ts';

/** What the renderer needs to know to check one article's pictures. */
export interface ImageContext {
  readonly options: ImageOptions;
  /** The article's path relative to the content folder: pictures like `./foto.jpg` are next to it. */
  readonly articlePath: string;
  /** The file position of a line and column of the body. */
  readonly at: (line: number | undefined, column: number | undefined) => SourcePosition;
}

declare module 'vfile' {
  interface DataMap {
    /** Set by the caller to check pictures; without it, pictures are left as they are. */
    imageContext: ImageContext;
    /** Pictures of the body, checked; their variants are published with the article. */
    bodyImages: ImageAsset[];
    /** The files they were read from, for the parse cache. */
    imageDependencies: ImageDependency[];
    /** A problem per picture that cannot be used, at its place in the file. */
    imageErrors: WartaError[];
    /** Remote pictures not downloaded yet: the loader downloads them and renders the body again. */
    imageDownloads: string[];
  }
}

/** The width a body picture takes: the article column, or the screen less its margins. */
export const BODY_IMAGE_SIZES = '(min-width: 800px) 768px, calc(100vw - 2rem)';

/**
 * Turns each picture of the body (`![alt](./foto.jpg)`, or an `<img>` the editor wrote) into a
 * `<picture>` of its published variants, with its size so nothing shifts while it loads (issue #17).
 * A picture that cannot be used is an error at its line, as in the front matter. Runs after
 * sanitizing: the elements it makes hold only paths Warta made from a digest.
 */
export const rehypeImages: Plugin<[], Root> = function () {
  return (tree, file) => {
    const context = file.data.imageContext;
    if (!context) return;
    const assets: ImageAsset[] = [];
    const dependencies: ImageDependency[] = [];
    const errors: WartaError[] = [];
    const downloads: string[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = node.properties.src;
      if (typeof src !== 'string') return;
      const place = context.at(node.position?.start.line, node.position?.start.column);
      const resolved = resolveImage(src, undefined, context.articlePath, context.options, place, 'body');
      if (!resolved.ok) {
        errors.push(resolved.error);
        if (resolved.download !== undefined) downloads.push(resolved.download);
        return;
      }
      assets.push(resolved.asset);
      dependencies.push(resolved.dependency);
      parent.children[index] = pictureElement(node, resolved.asset);
    });
    file.data.bodyImages = assets;
    file.data.imageDependencies = dependencies;
    file.data.imageErrors = errors;
    file.data.imageDownloads = downloads;
  };
};

function pictureElement(img: Element, asset: ImageAsset): Element {
  const picture = pictureFor(asset, 'body');
  return {
    type: 'element',
    tagName: 'picture',
    properties: {},
    children: [
      {
        type: 'element',
        tagName: 'source',
        properties: { type: 'image/webp', srcSet: picture.webpSrcset, sizes: BODY_IMAGE_SIZES },
        children: [],
      },
      {
        type: 'element',
        tagName: 'img',
        properties: {
          src: picture.src,
          srcSet: picture.jpegSrcset,
          sizes: BODY_IMAGE_SIZES,
          alt: img.properties.alt ?? '',
          ...(img.properties.title === undefined ? {} : { title: img.properties.title }),
          width: picture.width,
          height: picture.height,
          loading: 'lazy',
          decoding: 'async',
        },
        children: [],
      },
    ],
    ...(img.position ? { position: img.position } : {}),
  };
}
