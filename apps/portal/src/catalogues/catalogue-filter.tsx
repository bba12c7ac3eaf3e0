/**
 * A catalogue's filter over the entries the page has read, and the button that opens the form of a new entry for
 * those who may edit (`onNew` absent for the others). `testId` names the elements (<testId>-filter, <testId>-new).
 */
export function CatalogueFilter({
  testId,
  label,
  value,
  onChange,
  newLabel,
  onNew,
}: {
  testId: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  newLabel: string;
  onNew?: () => void;
}) {
  return (
    <div className="filters">
      <label>
        {label}
        <input
          name="filter"
          type="search"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          data-testid={`${testId}-filter`}
        />
      </label>
      {onNew && (
        <button type="button" onClick={onNew} data-testid={`${testId}-new`}>
          {newLabel}
        </button>
      )}
    </div>
  );
}
