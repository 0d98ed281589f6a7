import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminCategory, TAdminSubcategory } from '@localkart/contracts/admin';
import { formatPaise } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { Badge, Card } from '@localkart/web-kit/ui/card';
import type { EditorTarget } from './taxonomy-editor';

type Priced = Pick<TAdminSubcategory, 'priceRange' | 'unit'>;

const usePrice = () => {
  const { t } = useTranslation();
  return ({ priceRange, unit }: Priced) =>
    t('taxonomy.category.price', {
      min: formatPaise(priceRange.minPaise),
      max: formatPaise(priceRange.maxPaise),
      unit: t(`taxonomy.units.${unit}`),
    });
};

/** A category's summary and actions, and its subcategories behind a toggle. */
export const CategoryCard = ({
  category,
  onEdit,
}: {
  category: TAdminCategory;
  onEdit: (target: EditorTarget) => void;
}) => {
  const { t } = useTranslation();
  const price = usePrice();
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const count = category.subcategories.length;
  return (
    <Card className={category.isActive ? '' : 'bg-slate-50'}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="flex flex-wrap items-center gap-2 text-lg font-bold text-slate-900">
            {category.names.en}
            <span lang="hi" className="font-semibold text-slate-600">
              {category.names.hi}
            </span>
            {!category.isActive && <Badge tone="red">{t('taxonomy.inactive')}</Badge>}
          </h2>
          <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
            <span className="font-mono text-xs leading-5">
              {t('taxonomy.category.slug', { slug: category.slug })}
            </span>
            <span>{price(category)}</span>
            <span>{t('taxonomy.category.synonyms', { count: category.synonyms.length })}</span>
            <span>{t('taxonomy.category.sortOrder', { order: category.sortOrder })}</span>
          </p>
          {category.description && (
            <p className="mt-2 max-w-3xl text-sm text-slate-700">{category.description}</p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            className="px-3 py-1.5"
            aria-label={t('taxonomy.category.editLabel', { name: category.names.en })}
            onClick={() => onEdit({ kind: 'category', category })}
          >
            {t('taxonomy.category.edit')}
          </Button>
          <Button
            variant="secondary"
            className="px-3 py-1.5"
            aria-label={t('taxonomy.category.addSubcategoryLabel', { name: category.names.en })}
            onClick={() => onEdit({ kind: 'subcategory', category })}
          >
            {t('taxonomy.category.addSubcategory')}
          </Button>
        </div>
      </div>
      {count === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{t('taxonomy.category.noSubs')}</p>
      ) : (
        <>
          <Button
            variant="ghost"
            className="mt-3 -ml-3 px-3 py-1.5"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => setExpanded(!expanded)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
            {expanded
              ? t('taxonomy.category.hideSubs')
              : t('taxonomy.category.showSubs', { count })}
          </Button>
          <div id={listId} hidden={!expanded} className="mt-2">
            {expanded && <SubcategoryTable category={category} onEdit={onEdit} />}
          </div>
        </>
      )}
    </Card>
  );
};

const SubcategoryTable = ({
  category,
  onEdit,
}: {
  category: TAdminCategory;
  onEdit: (target: EditorTarget) => void;
}) => {
  const { t } = useTranslation();
  const price = usePrice();
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">
          {t('taxonomy.category.subCaption', { name: category.names.en })}
        </caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-semibold">
              {t('taxonomy.columns.name')}
            </th>
            <th scope="col" className="px-4 py-2.5 font-semibold">
              {t('taxonomy.columns.slug')}
            </th>
            <th scope="col" className="px-4 py-2.5 font-semibold">
              {t('taxonomy.columns.price')}
            </th>
            <th scope="col" className="px-4 py-2.5 font-semibold">
              {t('taxonomy.columns.synonyms')}
            </th>
            <th scope="col" className="px-4 py-2.5 font-semibold">
              {t('taxonomy.columns.status')}
            </th>
            <th scope="col" className="px-4 py-2.5">
              <span className="sr-only">{t('taxonomy.editSub')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {category.subcategories.map((subcategory) => (
            <tr key={subcategory.slug} className={subcategory.isActive ? '' : 'bg-slate-50'}>
              <th scope="row" className="px-4 py-2.5 text-left font-medium text-slate-900">
                {subcategory.names.en}
                <span lang="hi" className="block font-normal text-slate-600">
                  {subcategory.names.hi}
                </span>
              </th>
              <td className="px-4 py-2.5 font-mono text-xs text-slate-600">{subcategory.slug}</td>
              <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">{price(subcategory)}</td>
              <td className="px-4 py-2.5 text-slate-600">
                <span className="line-clamp-2 max-w-xs">
                  {subcategory.synonyms.join(', ') || t('common.none')}
                </span>
              </td>
              <td className="px-4 py-2.5">
                {subcategory.isActive ? (
                  <Badge tone="green">{t('taxonomy.active')}</Badge>
                ) : (
                  <Badge tone="red">{t('taxonomy.inactive')}</Badge>
                )}
              </td>
              <td className="px-4 py-2 text-right">
                <Button
                  variant="ghost"
                  className="px-3 py-1.5"
                  aria-label={t('taxonomy.editSubLabel', { name: subcategory.names.en })}
                  onClick={() => onEdit({ kind: 'subcategory', category, subcategory })}
                >
                  {t('taxonomy.editSub')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
