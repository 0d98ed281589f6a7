import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '@localkart/web-kit/ui/field';
import { Spinner } from '@localkart/web-kit/ui/states';
import { currentPosition, placeFromText, type Place } from './location';

type Props = { place: Place | undefined; onPlace: (place: Place) => void };

const textOf = (place: Place | undefined) =>
  !place
    ? ''
    : place.kind === 'pincode'
      ? place.pincode
      : place.kind === 'locality'
        ? place.locality
        : '';

/** A pincode or locality typed in, or the browser's location on request. */
export const LocationPicker = ({ place, onPlace }: Props) => {
  const { t } = useTranslation();
  const [text, setText] = useState(textOf(place));
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState(false);
  const commit = () => {
    const typed = placeFromText(text);
    if (typed) onPlace(typed);
  };
  const locate = async () => {
    setLocating(true);
    setFailed(false);
    try {
      onPlace({ kind: 'point', ...(await currentPosition()) });
      setText('');
    } catch {
      setFailed(true);
    } finally {
      setLocating(false);
    }
  };
  return (
    <div>
      <div className="flex gap-2">
        <label className="sr-only" htmlFor="where">
          {t('search.where')}
        </label>
        <input
          id="where"
          className={`${inputClass} py-3 text-base`}
          placeholder={
            place?.kind === 'point' ? t('search.yourLocation') : t('search.wherePlaceholder')
          }
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit();
            }
          }}
        />
        <button
          type="button"
          onClick={() => void locate()}
          className="inline-flex shrink-0 items-center gap-1 rounded-lg px-3 text-sm font-semibold text-teal-800 ring-1 ring-inset ring-slate-300 hover:bg-teal-50"
          title={t('search.useLocation')}
        >
          {locating ? <Spinner small /> : <span aria-hidden="true">◎</span>}
          <span className="hidden sm:inline">{t('search.useLocation')}</span>
          <span className="sr-only sm:hidden">{t('search.useLocation')}</span>
        </button>
      </div>
      {failed && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {t('search.locationFailed')}
        </p>
      )}
    </div>
  );
};
