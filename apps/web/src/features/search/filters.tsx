import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { SelectField, TextField } from '@localkart/web-kit/ui/field';

export type FilterValues = {
  category: string;
  minRating: string;
  maxPrice: string;
  availableOn: string;
  verifiedOnly: boolean;
  sort: string;
};

type Props = { values: FilterValues; onChange: (values: Partial<FilterValues>) => void };

export const Filters = ({ values, onChange }: Props) => {
  const { t, i18n } = useTranslation();
  const { data: taxonomy } = api.useTaxonomyQuery();
  const hindi = i18n.language === 'hi';
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-6">
      <div className="col-span-2">
        <SelectField
          label={t('search.category')}
          value={values.category}
          onChange={(event) => onChange({ category: event.target.value })}
        >
          <option value="">{t('search.anyCategory')}</option>
          {taxonomy?.map((category) => (
            <option key={category.slug} value={category.slug}>
              {hindi ? category.names.hi : category.names.en}
            </option>
          ))}
        </SelectField>
      </div>
      <SelectField
        label={t('search.rating')}
        value={values.minRating}
        onChange={(event) => onChange({ minRating: event.target.value })}
      >
        <option value="">{t('search.anyRating')}</option>
        {['3', '3.5', '4', '4.5'].map((rating) => (
          <option key={rating} value={rating}>
            {t('search.ratingAtLeast', { rating })}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('search.maxPrice')}
        inputMode="numeric"
        placeholder="₹"
        value={values.maxPrice}
        onChange={(event) => onChange({ maxPrice: event.target.value.replace(/\D/g, '') })}
      />
      <TextField
        label={t('search.availableOn')}
        type="date"
        value={values.availableOn}
        onChange={(event) => onChange({ availableOn: event.target.value })}
      />
      <SelectField
        label={t('search.sort')}
        value={values.sort}
        onChange={(event) => onChange({ sort: event.target.value })}
      >
        <option value="">{t('search.sortBest')}</option>
        <option value="distance">{t('search.sortDistance')}</option>
        <option value="rating">{t('search.sortRating')}</option>
        <option value="price">{t('search.sortPrice')}</option>
      </SelectField>
      <label className="col-span-2 flex items-center gap-2 text-sm font-medium text-slate-700 lg:col-span-6">
        <input
          type="checkbox"
          className="h-4 w-4 accent-teal-700"
          checked={values.verifiedOnly}
          onChange={(event) => onChange({ verifiedOnly: event.target.checked })}
        />
        {t('search.verifiedOnly')}
      </label>
    </div>
  );
};
