import { useTranslation } from 'react-i18next';
import { type FieldViolation, type Ratio } from '../api/portal-types';
import { FieldViolationText } from './field-violation-text';

/** A fraction as two whole numbers, with the service's violation of that field under it. */
export function RatioInput({
  name,
  label,
  value,
  onChange,
  violation,
  warning,
}: {
  name: string;
  label: string;
  value: Ratio;
  onChange: (value: Ratio) => void;
  violation?: FieldViolation;
  warning?: string;
}) {
  const { t } = useTranslation();
  const whole = (text: string) => (/^\d+$/.test(text) ? Number(text) : 0);
  return (
    <fieldset className={violation ? 'ratio ratio--invalid' : 'ratio'} data-testid={`field-${name}`}>
      <legend>{label}</legend>
      <input
        name={`${name}.numerator`}
        aria-label={`${label} ${t('admin.numerator')}`}
        inputMode="numeric"
        value={value.numerator ?? 0}
        onChange={(event) => onChange({ ...value, numerator: whole(event.target.value) })}
      />
      <span> / </span>
      <input
        name={`${name}.denominator`}
        aria-label={`${label} ${t('admin.denominator')}`}
        inputMode="numeric"
        value={value.denominator ?? 0}
        onChange={(event) => onChange({ ...value, denominator: whole(event.target.value) })}
      />
      {warning && !violation && <p className="warning">{warning}</p>}
      <FieldViolationText name={name} violation={violation} />
    </fieldset>
  );
}
