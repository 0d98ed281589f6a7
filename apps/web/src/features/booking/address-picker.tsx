import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, MapContainer, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import { useLazySearchPincode } from './use-pincode-lookup';
import { TILE_ATTRIBUTION, TILE_URL } from '../search/results-map';
import { Button } from '@localkart/web-kit/ui/button';
import { TextArea, TextField } from '@localkart/web-kit/ui/field';

export type Address = { address: string; instructions: string; lat: number; lng: number };

const ClickToPin = ({ onPin }: { onPin: (lat: number, lng: number) => void }) => {
  useMapEvents({ click: (event) => onPin(event.latlng.lat, event.latlng.lng) });
  return null;
};

const FlyTo = ({ lat, lng }: { lat: number; lng: number }) => {
  const map = useMap();
  useEffect(() => {
    map.setView([lat, lng], Math.max(map.getZoom(), 14));
  }, [map, lat, lng]);
  return null;
};

type Props = { value: Address; onChange: (value: Address) => void; errors: Record<string, string> };

/** Where the job is: a pin on the map (click or tap to move it), found by pincode, plus the address. */
export const AddressPicker = ({ value, onChange, errors }: Props) => {
  const { t } = useTranslation();
  const [pincode, setPincode] = useState('');
  const [lookup, { isFetching, isError }] = useLazySearchPincode();
  const [flyTarget, setFlyTarget] = useState<{ lat: number; lng: number }>();
  const find = async () => {
    const point = await lookup(pincode);
    if (point) {
      onChange({ ...value, ...point });
      setFlyTarget(point);
    }
  };
  return (
    <div className="space-y-4">
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <TextField
            label={t('search.pincode')}
            inputMode="numeric"
            maxLength={6}
            value={pincode}
            onChange={(event) => setPincode(event.target.value.replace(/\D/g, ''))}
            error={isError ? t('booking.pincodeUnknown') : undefined}
          />
        </div>
        <Button
          variant="secondary"
          busy={isFetching}
          disabled={pincode.length !== 6}
          onClick={() => void find()}
        >
          {t('booking.findOnMap')}
        </Button>
      </div>
      <div>
        <MapContainer
          center={[value.lat, value.lng]}
          zoom={13}
          scrollWheelZoom={false}
          className="h-64 w-full rounded-xl"
        >
          <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} />
          <ClickToPin onPin={(lat, lng) => onChange({ ...value, lat, lng })} />
          {flyTarget && <FlyTo lat={flyTarget.lat} lng={flyTarget.lng} />}
          <CircleMarker
            center={[value.lat, value.lng]}
            radius={10}
            pathOptions={{ color: '#b91c1c', fillColor: '#ef4444', fillOpacity: 0.9, weight: 2 }}
          />
        </MapContainer>
        <p className="mt-1 text-xs text-slate-500">{t('booking.tapMap')}</p>
        {errors['location.coordinates'] && (
          <p className="text-xs font-medium text-red-700">{errors['location.coordinates']}</p>
        )}
      </div>
      <TextField
        label={t('booking.address')}
        autoComplete="street-address"
        value={value.address}
        onChange={(event) => onChange({ ...value, address: event.target.value })}
        error={errors['location.address']}
      />
      <TextArea
        label={t('booking.instructions')}
        rows={2}
        value={value.instructions}
        onChange={(event) => onChange({ ...value, instructions: event.target.value })}
        error={errors['location.instructions']}
      />
    </div>
  );
};
