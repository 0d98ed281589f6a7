import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodSafeParseResult } from 'zod';
import {
  ZCreateCategoryRequest,
  ZCreateSubcategoryRequest,
  ZUpdateCategoryRequest,
  ZUpdateSubcategoryRequest,
  type TAdminCategory,
  type TAdminSubcategory,
} from '@localkart/contracts/admin';
import { ZServiceUnit } from '@localkart/contracts/taxonomy';
import { apiCode, apiMessage, fieldErrors } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { SelectField, TextArea, TextField } from '@localkart/web-kit/ui/field';
import { Drawer } from '../../components/drawer';
import { messagesByPath } from '../../components/form-values';
import {
  changeBody,
  createBody,
  formErrorsOf,
  formValuesOf,
  type TaxonomyField,
  type TaxonomyFormValues,
} from './taxonomy-form';
import {
  useCreateCategoryMutation,
  useCreateSubcategoryMutation,
  useUpdateCategoryMutation,
  useUpdateSubcategoryMutation,
} from './taxonomy-api';

export type EditorTarget =
  | { kind: 'category'; category?: TAdminCategory }
  | { kind: 'subcategory'; category: TAdminCategory; subcategory?: TAdminSubcategory };

type Errors = Partial<Record<TaxonomyField, string>>;
type Outcome = { error?: Parameters<typeof fieldErrors>[0] };

/** Creates or edits a category or subcategory in a drawer; the contract checks it before sending. */
export const TaxonomyEditor = ({
  target,
  onClose,
  onSaved,
}: {
  target: EditorTarget | undefined;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const formId = useId();
  const [busy, setBusy] = useState(false);
  const name = (names: { en: string; hi: string }) =>
    i18n.language === 'hi' ? names.hi : names.en;
  const title = !target
    ? ''
    : target.kind === 'category'
      ? target.category
        ? t('taxonomy.editor.editCategory', { name: name(target.category.names) })
        : t('taxonomy.editor.newCategory')
      : target.subcategory
        ? t('taxonomy.editor.editSubcategory', {
            name: name(target.subcategory.names),
            category: name(target.category.names),
          })
        : t('taxonomy.editor.newSubcategory', { category: name(target.category.names) });
  const creating = target && (target.kind === 'category' ? !target.category : !target.subcategory);
  return (
    <Drawer
      open={!!target}
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} busy={busy}>
            {creating ? t('taxonomy.editor.create') : t('taxonomy.editor.save')}
          </Button>
        </>
      }
    >
      {target && (
        <EditorForm
          // A fresh form per entry (not per language: switching keeps what was typed).
          key={[
            target.kind,
            target.category?.slug,
            target.kind === 'subcategory' ? target.subcategory?.slug : '',
          ].join('/')}
          id={formId}
          target={target}
          onBusy={setBusy}
          onSaved={onSaved}
        />
      )}
    </Drawer>
  );
};

const EditorForm = ({
  id,
  target,
  onBusy,
  onSaved,
}: {
  id: string;
  target: EditorTarget;
  onBusy: (busy: boolean) => void;
  onSaved: () => void;
}) => {
  const { t } = useTranslation();
  const entry = target.kind === 'category' ? target.category : target.subcategory;
  const [values, setValues] = useState<TaxonomyFormValues>(() => formValuesOf(entry));
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const [createCategory] = useCreateCategoryMutation();
  const [updateCategory] = useUpdateCategoryMutation();
  const [createSubcategory] = useCreateSubcategoryMutation();
  const [updateSubcategory] = useUpdateSubcategoryMutation();

  const set =
    <K extends keyof TaxonomyFormValues>(field: K) =>
    (value: TaxonomyFormValues[K]) => {
      setValues((previous) => ({ ...previous, [field]: value }));
      setErrors(({ [field]: _, ...rest }) => rest);
    };

  const show = (next: Errors) => {
    setErrors(next);
    // Focus goes to the first field to fix (or the form's message).
    requestAnimationFrame(() =>
      formRef.current
        ?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')
        ?.focus(),
    );
  };

  /** The contract's verdict on the body, then the API's. */
  const send = async (): Promise<Errors | undefined> => {
    const check = <T,>(result: ZodSafeParseResult<T>) =>
      result.success
        ? { data: result.data }
        : { errors: formErrorsOf(messagesByPath(result.error.issues)) };
    let outcome: Outcome;
    if (target.kind === 'category') {
      if (!target.category) {
        const body = check(ZCreateCategoryRequest.safeParse(createBody(values, 'category')));
        if (body.errors) return body.errors;
        outcome = await createCategory(body.data);
      } else {
        const body = check(ZUpdateCategoryRequest.safeParse(changeBody(target.category, values)));
        if (body.errors) return body.errors;
        outcome = await updateCategory({ slug: target.category.slug, change: body.data });
      }
    } else if (!target.subcategory) {
      const body = check(ZCreateSubcategoryRequest.safeParse(createBody(values, 'subcategory')));
      if (body.errors) return body.errors;
      outcome = await createSubcategory({ slug: target.category.slug, request: body.data });
    } else {
      const body = check(
        ZUpdateSubcategoryRequest.safeParse(changeBody(target.subcategory, values)),
      );
      if (body.errors) return body.errors;
      outcome = await updateSubcategory({
        slug: target.category.slug,
        subSlug: target.subcategory.slug,
        change: body.data,
      });
    }
    if (!outcome.error) return undefined;
    const byField = formErrorsOf(fieldErrors(outcome.error));
    if (Object.keys(byField).length > 0) return byField;
    // A taken slug (409) is the slug field's problem; anything else is the form's.
    const message = apiMessage(outcome.error) ?? t('common.errorBody');
    return apiCode(outcome.error) === 'CONFLICT' && !entry ? { slug: message } : { form: message };
  };

  const submit = async () => {
    onBusy(true);
    const failed = await send().finally(() => onBusy(false));
    if (failed) show(failed);
    else onSaved();
  };

  return (
    <form
      id={id}
      ref={formRef}
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {errors.form && (
        <p
          role="alert"
          tabIndex={-1}
          data-form-error
          className="rounded-lg bg-red-50 p-3 text-sm text-red-800"
        >
          {errors.form}
        </p>
      )}
      {!entry && (
        <TextField
          label={t('taxonomy.editor.slug')}
          value={values.slug}
          onChange={(event) => set('slug')(event.target.value)}
          hint={t('taxonomy.editor.slugHint')}
          error={errors.slug}
          aria-required="true"
          autoComplete="off"
          spellCheck={false}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('taxonomy.editor.nameEn')}
          value={values.nameEn}
          onChange={(event) => set('nameEn')(event.target.value)}
          error={errors.nameEn}
          aria-required="true"
          lang="en"
        />
        <TextField
          label={t('taxonomy.editor.nameHi')}
          value={values.nameHi}
          onChange={(event) => set('nameHi')(event.target.value)}
          error={errors.nameHi}
          aria-required="true"
          lang="hi"
        />
      </div>
      {target.kind === 'category' && (
        <TextArea
          label={t('taxonomy.editor.description')}
          rows={3}
          value={values.description}
          onChange={(event) => set('description')(event.target.value)}
          error={errors.description}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label={t('taxonomy.editor.unit')}
          value={values.unit}
          onChange={(event) =>
            set('unit')(
              ZServiceUnit.options.find((unit) => unit === event.target.value) ?? 'service',
            )
          }
          error={errors.unit}
        >
          {ZServiceUnit.options.map((unit) => (
            <option key={unit} value={unit}>
              {t(`taxonomy.units.${unit}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('taxonomy.editor.minRupees')}
          inputMode="decimal"
          value={values.minRupees}
          onChange={(event) => set('minRupees')(event.target.value)}
          error={errors.minRupees}
          aria-required="true"
        />
        <TextField
          label={t('taxonomy.editor.maxRupees')}
          inputMode="decimal"
          value={values.maxRupees}
          onChange={(event) => set('maxRupees')(event.target.value)}
          error={errors.maxRupees}
          aria-required="true"
        />
      </div>
      <TextArea
        label={t('taxonomy.editor.synonyms')}
        rows={4}
        value={values.synonyms}
        onChange={(event) => set('synonyms')(event.target.value)}
        hint={t('taxonomy.editor.synonymsHint')}
        error={errors.synonyms}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t('taxonomy.editor.sortOrder')}
          inputMode="numeric"
          value={values.sortOrder}
          onChange={(event) => set('sortOrder')(event.target.value)}
          hint={t('taxonomy.editor.sortOrderHint')}
          error={errors.sortOrder}
        />
      </div>
      {entry && (
        <label className="flex items-center gap-3 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            checked={values.isActive}
            onChange={(event) => set('isActive')(event.target.checked)}
            className="h-4 w-4 rounded border-slate-300 text-teal-700 focus-visible:outline-2 focus-visible:outline-teal-600"
          />
          {t('taxonomy.editor.isActive')}
        </label>
      )}
      <TextArea
        label={t('taxonomy.editor.reason')}
        rows={2}
        maxLength={500}
        value={values.reason}
        onChange={(event) => set('reason')(event.target.value)}
        error={errors.reason}
      />
    </form>
  );
};
