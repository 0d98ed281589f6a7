/** Where to search: exactly one of a point, a pincode or a locality (the API's rule). */
export type Place =
  | { kind: 'point'; lat: number; lng: number }
  | { kind: 'pincode'; pincode: string }
  | { kind: 'locality'; locality: string };

/** Six digits starting 1–9 is a pincode; anything else of two letters or more a locality. */
export const placeFromText = (text: string): Place | undefined => {
  const trimmed = text.trim();
  if (/^[1-9]\d{5}$/.test(trimmed)) return { kind: 'pincode', pincode: trimmed };
  if (trimmed.length >= 2) return { kind: 'locality', locality: trimmed };
  return undefined;
};

export const placeParams = (place: Place) => {
  switch (place.kind) {
    case 'point':
      return { lat: place.lat, lng: place.lng };
    case 'pincode':
      return { pincode: place.pincode };
    case 'locality':
      return { locality: place.locality };
  }
};

export const placeFromParams = (params: URLSearchParams): Place | undefined => {
  const lat = Number(params.get('lat'));
  const lng = Number(params.get('lng'));
  if (params.get('lat') && params.get('lng') && Number.isFinite(lat) && Number.isFinite(lng))
    return { kind: 'point', lat, lng };
  const pincode = params.get('pincode');
  if (pincode) return { kind: 'pincode', pincode };
  const locality = params.get('locality');
  if (locality) return { kind: 'locality', locality };
  return undefined;
};

/** The browser's position, or the reason it could not be had. */
export const currentPosition = () =>
  new Promise<{ lat: number; lng: number }>((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('unsupported'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ lat: position.coords.latitude, lng: position.coords.longitude }),
      (error) => reject(new Error(error.message)),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  });
