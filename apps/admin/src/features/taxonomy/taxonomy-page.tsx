import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminCategory } from '@localkart/contracts/admin';
import { Button } from '@localkart/web-kit/ui/button';
import { PageTitle } from '@localkart/web-kit/ui/card';
import { Notice } from '@localkart/web-kit/ui/states';
import { QueryState } from '../../components/page-state';
import { CategoryCard } from './category-card';
import { TaxonomyEditor, type EditorTarget } from './taxonomy-editor';
import { useAdminTaxonomyQuery } from './taxonomy-api';

const TaxonomyPage = () => {
  const { t } = useTranslation();
  const result = useAdminTaxonomyQuery();
  const [target, setTarget] = useState<EditorTarget>();
  const [saved, setSaved] = useState(false);
  const edit = (next: EditorTarget) => {
    setSaved(false);
    setTarget(next);
  };
  return (
    <>
      <PageTitle
        title={t('taxonomy.title')}
        subtitle={t('taxonomy.subtitle')}
        action={
          <Button onClick={() => edit({ kind: 'category' })}>{t('taxonomy.addCategory')}</Button>
        }
      />
      {saved && (
        <div className="mb-4">
          <Notice tone="success">{t('taxonomy.editor.saved')}</Notice>
        </div>
      )}
      <QueryState
        result={result}
        isEmpty={(categories: TAdminCategory[]) => categories.length === 0}
        emptyTitle={t('taxonomy.empty')}
      >
        {(categories) => (
          <ul className="space-y-4">
            {categories.map((category) => (
              <li key={category.slug}>
                <CategoryCard category={category} onEdit={edit} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <TaxonomyEditor
        target={target}
        onClose={() => setTarget(undefined)}
        onSaved={() => {
          setTarget(undefined);
          setSaved(true);
        }}
      />
    </>
  );
};

export default TaxonomyPage;
