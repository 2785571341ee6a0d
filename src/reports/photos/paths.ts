/** A stored photo's URL: by municipality and photo id, the same for the public site and the admin pages. */
export const photoPath = (photo: { municipalityId: string; id: string }) => `/photos/${photo.municipalityId}/${photo.id}`;
/** The same photo's print copy (at most 800 px a side), for pages that show it as the handout prints it. */
export const printPhotoPath = (photo: { municipalityId: string; id: string }) => `${photoPath(photo)}?size=print`;
