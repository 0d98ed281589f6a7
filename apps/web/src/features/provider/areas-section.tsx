import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Circle, MapContainer, TileLayer } from 'react-leaflet';
import type { TProviderProfile } from '@localkart/contracts/providers';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { Card } from '@localkart/web-kit/ui/card';
import { TextField } from '@localkart/web-kit/ui/field';
import { ErrorState } from '@localkart/web-kit/ui/states';
import { TILE_ATTRIBUTION, TILE_URL } from '../search/results-map';

export const AreasSection = ({ profile }: { profile: TProviderProfile }) => {
  const { t } = useTranslation();
  const [add, { isLoading, error }] = api.useAddServiceAreaMutation();
  const [remove] = api.useDeleteServiceAreaMutation();
  const [places, setPlaces] = useState('');
  const [radius, setRadius] = useState('8');
  const first = profile.serviceAreas[0];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const items = places
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    const result = await add({
      pincodes: items.filter((item) => /^[1-9]\d{5}$/.test(item)),
      localities: items.filter((item) => !/^[1-9]\d{5}$/.test(item)),
      radiusKm: Number(radius),
    });
    if (!result.error) setPlaces('');
  };
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('setup.areas')}</h2>
      {first && (
        <MapContainer
          center={[first.centre.lat, first.centre.lng]}
          zoom={10}
          scrollWheelZoom={false}
          className="mt-3 h-64 w-full rounded-xl"
        >
          <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} />
          {profile.serviceAreas.map((area) => (
            <Circle
              key={area.id}
              center={[area.centre.lat, area.centre.lng]}
              radius={area.radiusKm * 1000}
              pathOptions={{ color: '#0f766e', fillOpacity: 0.12 }}
            />
          ))}
        </MapContainer>
      )}
      <ul className="mt-3 divide-y divide-slate-100">
        {profile.serviceAreas.map((area) => (
          <li key={area.id} className="flex items-center justify-between gap-3 py-2 text-sm">
            <span>
              {[...area.localities, ...area.pincodes].join(', ') || area.city} ·{' '}
              {t('provider.areaLine', { city: area.city, km: area.radiusKm })}
            </span>
            <Button
              variant="danger"
              disabled={profile.serviceAreas.length === 1}
              onClick={() => void remove(area.id)}
            >
              {t('common.delete')}
            </Button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(event) => void submit(event)}
        className="mt-3 grid gap-3 rounded-xl bg-slate-50 p-4 sm:grid-cols-[1fr_120px_auto] sm:items-end"
      >
        <TextField
          label={t('onboarding.areas')}
          value={places}
          onChange={(event) => setPlaces(event.target.value)}
          hint={t('onboarding.areasHint')}
        />
        <TextField
          label={t('onboarding.radius')}
          inputMode="numeric"
          value={radius}
          onChange={(event) => setRadius(event.target.value)}
        />
        <Button type="submit" busy={isLoading} disabled={!places.trim()}>
          {t('setup.addArea')}
        </Button>
      </form>
      {error && (
        <div className="mt-3">
          <ErrorState message={apiMessage(error)} />
        </div>
      )}
    </Card>
  );
};
