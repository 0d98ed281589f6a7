import { useTranslation } from 'react-i18next';
import { DateFilter, IdFilter } from '../../components/filter-bar';

/** An id filter (booking, provider) and a date range: the fields of most payment lists. */
export const IdAndDateFields = ({
  idName,
  idLabel,
  values,
}: {
  idName: string;
  idLabel: string;
  values: { id?: string | undefined; from?: string | undefined; to?: string | undefined };
}) => {
  const { t } = useTranslation();
  return (
    <>
      <IdFilter
        widthClass="w-72"
        name={idName}
        label={idLabel}
        hint={t('payments.filters.idHint')}
        defaultValue={values.id}
      />
      <DateFilter name="from" label={t('payments.filters.from')} defaultValue={values.from} />
      <DateFilter name="to" label={t('payments.filters.to')} defaultValue={values.to} />
    </>
  );
};
