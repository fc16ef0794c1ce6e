import type { Article } from '../content/article.ts';
import { pictureFor, type ImageAsset, type ImageSlot } from '../images/variants.ts';

/**
 * A picture as a page shows it (issue #17): WebP sources with a JPEG fallback and the intrinsic size
 * of the crop; or its URL alone when the picture was not checked (content parsed without image
 * options, as some unit tests do: a build always checks, and downloads remote pictures).
 */
export interface PictureView {
  readonly alt: string;
  /** The fallback `<img src>`. */
  readonly src: string;
  readonly srcset: string | undefined;
  readonly webpSrcset: string | undefined;
  /** Intrinsic size: set on the `<img>` so the browser reserves the box (no layout shift). */
  readonly width: number | undefined;
  readonly height: number | undefined;
}

/** `image` shown in `slot`: its variants when it is a checked file, else its own URL (see above). */
export function pictureView(
  image: { readonly src: string; readonly alt: string; readonly asset?: ImageAsset | undefined },
  slot: ImageSlot,
): PictureView {
  if (!image.asset)
    return {
      alt: image.alt,
      src: image.src,
      srcset: undefined,
      webpSrcset: undefined,
      width: undefined,
      height: undefined,
    };
  const picture = pictureFor(image.asset, slot);
  return {
    alt: image.alt,
    src: picture.src,
    srcset: picture.jpegSrcset,
    webpSrcset: picture.webpSrcset,
    width: picture.width,
    height: picture.height,
  };
}

/** A list entry's picture in both of its slots: the lead story's wide one and the thumbnail. */
export interface ListPictureView {
  readonly hero: PictureView;
  readonly thumb: PictureView;
}

/** The article's picture for lists, or undefined when it has none. */
export function listPicture(article: Pick<Article, 'image'>): ListPictureView | undefined {
  if (!article.image) return undefined;
  return { hero: pictureView(article.image, 'hero'), thumb: pictureView(article.image, 'thumb') };
}
