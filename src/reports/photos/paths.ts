/** A stored photo's URL: by municipality and photo id, the same for the public site and the admin pages. */
export const photoPath = (photo: { municipalityId: string; id: string }) => `/photos/${photo.municipalityId}/${photo.id}`;
