import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A catalogue field with one value of a list (a dosage form, a green channel), the violation of it under it.
 * `choose`: a draft may hold none of the list (a new entry's empty value, or one the list no longer has), and the
 * select then says so rather than showing the first value as if it were chosen.
 */
export function ChoiceField<V extends string>({
  label,
  name,
  value,
  values,
  optionLabel,
  onChange,
  choose = false,
  violation,
}: {
  label: string;
  name: string;
  value: string;
  values: readonly V[];
  optionLabel: (value: V) => string;
  onChange: (value: V) => void;
  choose?: boolean;
  violation: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(event) => onChange(event.target.value as V)}>
        {choose && !(values as readonly string[]).includes(value) && (
          <option value={value}>{t('catalogues.common.choose')}</option>
        )}
        {values.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
      {violation}
    </label>
  );
}

/** A catalogue field with any of a list's values (a drug's levels), a checkbox each, the violation under them. */
export function CheckboxGroup<V extends string>({
  legend,
  name,
  values,
  checked,
  optionLabel,
  onChange,
  violation,
  testId,
}: {
  legend: string;
  name: string;
  values: readonly V[];
  checked: readonly string[];
  optionLabel: (value: V) => string;
  onChange: (checked: string[]) => void;
  violation: ReactNode;
  testId?: string;
}) {
  return (
    <fieldset data-testid={testId}>
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value} className="checkbox">
          <input
            name={`${name}.${value}`}
            type="checkbox"
            checked={checked.includes(value)}
            onChange={(event) =>
              onChange(
                event.target.checked ? [...checked, value] : checked.filter((other) => other !== value),
              )
            }
          />
          {optionLabel(value)}
        </label>
      ))}
      {violation}
    </fieldset>
  );
}
