import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZPayoutsExportQuery } from '@localkart/contracts/admin';
import { apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { saveFile } from './csv-download';
import { usePayoutsExportMutation } from './payments-api';

/** Downloads the payouts CSV with the admin's token and saves it; says what it saved or why not. */
export const ExportButton = ({
  label,
  query,
}: {
  label: string;
  query: z.input<typeof ZPayoutsExportQuery>;
}) => {
  const { t } = useTranslation();
  const [download, { isLoading }] = usePayoutsExportMutation();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const run = async () => {
    setStatus(undefined);
    const result = await download(query);
    if (result.error || !result.data) {
      setStatus({ ok: false, text: apiMessage(result.error) ?? t('payments.export.failed') });
      return;
    }
    saveFile(result.data);
    setStatus({ ok: true, text: t('payments.export.saved', { file: result.data.fileName }) });
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" busy={isLoading} onClick={() => void run()}>
        <span aria-hidden="true">⤓</span>
        {label}
      </Button>
      <p
        role={status && !status.ok ? 'alert' : 'status'}
        className={`min-h-4 text-xs ${status?.ok === false ? 'text-red-700' : 'text-slate-500'}`}
      >
        {status?.text}
      </p>
    </div>
  );
};
