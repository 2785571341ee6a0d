import { useContentLang } from '../../kernel/ui/japanese.tsx';
import { photoPath } from '../photos/paths.ts';
import type { PhotoMeta } from '../photos/queries.ts';

/** A photo at its size, loaded when it comes into view. */
export function PhotoImage({ photo, alt }: { photo: PhotoMeta; alt: string }) {
  return <img src={photoPath(photo)} alt={alt} width={photo.width} height={photo.height} loading="lazy" />;
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
