import { CircleMarker, MapContainer, Popup, TileLayer, useMap } from 'react-leaflet';
import { useEffect } from 'react';
import { Link } from 'react-router';
import type { TProviderCard, TSearchLocation } from '@localkart/contracts/search';
import { api } from '../../api/api';

export const TILE_URL = 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png';
export const TILE_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

/** Keeps the view on the searched place when it changes. */
const Recentre = ({ lat, lng }: { lat: number; lng: number }) => {
  const map = useMap();
  useEffect(() => {
    map.setView([lat, lng], map.getZoom());
  }, [map, lat, lng]);
  return null;
};

/**
 * Search cards carry the distance, not coordinates; the public profile has the service area's
 * centre. It is fetched per marker (and cached), so a provider page opened next is instant.
 */
const ProviderMarker = ({ provider }: { provider: TProviderCard }) => {
  const { data } = api.usePublicProviderQuery(provider.id);
  const centre = data?.serviceAreas[0]?.centre;
  if (!centre) return null;
  return (
    <CircleMarker
      center={[centre.lat, centre.lng]}
      radius={9}
      pathOptions={{ color: '#0f766e', fillColor: '#14b8a6', fillOpacity: 0.85, weight: 2 }}
    >
      <Popup>
        <Link to={`/providers/${provider.id}`} className="font-semibold">
          {provider.businessName}
        </Link>
      </Popup>
    </CircleMarker>
  );
};

export const ResultsMap = ({
  location,
  providers,
}: {
  location: TSearchLocation;
  providers: TProviderCard[];
}) => (
  <MapContainer
    center={[location.lat, location.lng]}
    zoom={12}
    scrollWheelZoom={false}
    className="h-full min-h-80 w-full rounded-2xl"
  >
    <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} />
    <Recentre lat={location.lat} lng={location.lng} />
    <CircleMarker
      center={[location.lat, location.lng]}
      radius={7}
      pathOptions={{ color: '#1e293b', fillColor: '#f59e0b', fillOpacity: 1, weight: 2 }}
    >
      <Popup>{location.label}</Popup>
    </CircleMarker>
    {providers.slice(0, 12).map((provider) => (
      <ProviderMarker key={provider.id} provider={provider} />
    ))}
  </MapContainer>
);
