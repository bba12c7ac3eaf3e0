import { type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError } from '../api/api-error';
import { RegistryFieldError } from './registry-refusal';

/** What a registry form's field shares: its label, the request's field it fills, and the refusal to show under it. */
interface FieldProps {
  label: string;
  /** The request's field, as the registry names it in a violation; also the control's name. */
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** Names the violation's element (error-<errorTestId>), so two forms of a page that share a field stay apart. */
  errorTestId: string;
  error: ApiError | null;
}

/** A text field of a registry form, the registry's violation of it under it. */
export function RegistryInput({
  label,
  name,
  value,
  onChange,
  errorTestId,
  error,
  ...input
}: FieldProps & Pick<InputHTMLAttributes<HTMLInputElement>, 'autoComplete' | 'maxLength'>) {
  return (
    <label>
      {label}
      <input name={name} {...input} value={value} onChange={(e) => onChange(e.target.value)} />
      <RegistryFieldError testId={errorTestId} field={name} error={error} />
    </label>
  );
}

/**
 * A choice of a registry form, "choose" first (the registry requires each of them, and names the one left
 * unchosen), the registry's violation of it under it.
 */
export function RegistrySelect({
  label,
  name,
  value,
  onChange,
  options,
  errorTestId,
  error,
}: FieldProps & { options: readonly { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('registryAdmin.choose')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <RegistryFieldError testId={errorTestId} field={name} error={error} />
    </label>
  );
}

/** The city's grids as the options of a choice: every group and institution stands in one. */
export function gridOptions(grids: readonly { id: string; name: string }[]) {
  return grids.map((grid) => ({ value: grid.id, label: grid.name }));
}
