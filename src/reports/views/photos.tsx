import { useContentLang } from '../../kernel/ui/japanese.tsx';
import { photoPath, printPhotoPath } from '../photos/paths.ts';
import type { PhotoMeta } from '../photos/queries.ts';

/**
 * How wide a photo is drawn (site.css: a grid of columns at least 14rem wide): the whole width of a phone, a column of
 * about 24rem on a wider screen. The browser takes the smallest copy that fills it at the screen's pixel density.
 */
const PHOTO_SIZES = '(max-width: 36rem) 100vw, 24rem';

/**
 * A photo, loaded when it comes into view, offered in the sizes stored: the print copy (at most 800 px a side, made
 * at upload) for phones and narrow columns, the stored photo (at most 1600 px) for dense screens. A photo that prints
 * as it is has no second copy and is offered as it is.
 */
export function PhotoImage({ photo, alt }: { photo: PhotoMeta; alt: string }) {
  const srcset = photo.printWidth === null ? undefined : `${printPhotoPath(photo)} ${photo.printWidth}w, ${photoPath(photo)} ${photo.width}w`;
  return <img src={photoPath(photo)} srcset={srcset} sizes={srcset && PHOTO_SIZES} alt={alt} width={photo.width} height={photo.height} loading="lazy" />;
}

/** A report's photos as readers see them: the alternative text read out, the caption printed under each. */
export function PhotoFigures({ photos }: { photos: PhotoMeta[] }) {
  if (photos.length === 0) return null;
  return (
    <ul class="photos" lang={useContentLang()}>
      {photos.map((photo) => (
        <li>
          <figure>
            <PhotoImage photo={photo} alt={photo.alt} />
            {photo.caption ? <figcaption>{photo.caption}</figcaption> : null}
          </figure>
        </li>
      ))}
    </ul>
  );
}
