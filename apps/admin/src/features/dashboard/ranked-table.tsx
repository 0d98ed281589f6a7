import { useTranslation } from 'react-i18next';

/** A small ranked list as a table; the first column is the name, the rest are figures. */
export const RankedTable = ({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: string[][];
}) => {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t('dashboard.noneYet')}</p>;
  return (
    <table className="mt-3 w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-left text-xs text-slate-500">
        <tr>
          {columns.map((column, index) => (
            <th
              key={column}
              scope="col"
              className={`pb-2 font-medium ${index > 0 ? 'text-right' : ''}`}
            >
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map(([name, ...figures]) => (
          <tr key={name}>
            <th scope="row" className="py-1.5 pr-2 text-left font-medium text-slate-800">
              {name}
            </th>
            {figures.map((figure, index) => (
              <td key={index} className="py-1.5 text-right tabular-nums text-slate-700">
                {figure}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
};
