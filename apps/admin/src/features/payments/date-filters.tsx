import { useTranslation } from 'react-i18next';
import { TextField } from '@localkart/web-kit/ui/field';
import { UUID_PATTERN } from '../../components/form-values';

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
      <div className="w-72">
        <TextField
          name={idName}
          label={idLabel}
          title={t('payments.filters.idHint')}
          defaultValue={values.id}
          pattern={UUID_PATTERN}
        />
      </div>
      <div className="w-40">
        <TextField
          name="from"
          type="date"
          label={t('payments.filters.from')}
          defaultValue={values.from}
        />
      </div>
      <div className="w-40">
        <TextField
          name="to"
          type="date"
          label={t('payments.filters.to')}
          defaultValue={values.to}
        />
      </div>
    </>
  );
};
