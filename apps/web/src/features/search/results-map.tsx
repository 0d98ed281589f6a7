import { CircleMarker, MapContainer, Popup, TileLayer, useMap } from 'react-leaflet';
import { useEffect } from 'react';
import { Link } from 'react-router';
import type { TProviderCard, TSearchLocation } from '@localkart/contracts/search';

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

/** A result at the centre of the service area it was found by. */
const ProviderMarker = ({ provider }: { provider: TProviderCard }) => (
  <CircleMarker
    center={[provider.areaCentre.lat, provider.areaCentre.lng]}
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
