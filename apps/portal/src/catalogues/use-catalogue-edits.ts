import { type FormEvent, useState } from 'react';
import { type ApiError } from '../api/api-error';
import { type Problem } from './form-problems';
import { useFormRefusal } from './form-refusal';

export interface CatalogueEdits<D> {
  /** The form's draft; null while no form is open. */
  draft: D | null;
  setDraft: (draft: D | null) => void;
  /** The key of the entry the form changes; null for a new one. */
  edited: string | null;
  /** The form's own problems or the service's refusal of the last save or removal. */
  error: ApiError | null;
  /** What the last save named (a drug's name, an item's code); null until one is saved. */
  saved: string | null;
  busy: boolean;
  /** The key of the entry whose removal waits for the user's second word. */
  removing: string | null;
  setRemoving: (key: string | null) => void;
  /** Opens the form on a draft: an entry's (with its key) or a new one's. */
  open: (draft: D, edited: string | null) => void;
  /** Closes the form and forgets the refusal, as when the page changes to another catalogue. */
  reset: () => void;
  /** Checks the draft, then saves it; `put` answers what the saved notice names. */
  save: (
    event: FormEvent,
    check: (draft: D) => readonly Problem[],
    put: (draft: D) => Promise<string>,
  ) => void;
  /** Sends the removal the user confirmed. */
  remove: (send: () => Promise<unknown>) => void;
}

/**
 * The editing of one catalogue's page: a form that saves a draft after the page's own check, and removals the user
 * confirms in their row. Each page keeps its own fields and calls; what it does around them is the same.
 * `versioned`: the catalogue's changes carry the version read, so a 409 means another change came first and the
 * catalogue is read again, for a second attempt to be made from it.
 */
export function useCatalogueEdits<D>({
  reload,
  versioned,
}: {
  reload: () => void;
  versioned: boolean;
}): CatalogueEdits<D> {
  const refusal = useFormRefusal();
  const [draft, setDraft] = useState<D | null>(null);
  const [edited, setEdited] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);

  const refused = (caught: unknown) => {
    const refusedWith = refusal.ofCaught(caught);
    setError(refusedWith);
    if (versioned && refusedWith.status === 409) reload();
  };

  const open = (next: D, key: string | null) => {
    setDraft(next);
    setEdited(key);
    setError(null);
    setSaved(null);
  };

  const reset = () => {
    setDraft(null);
    setError(null);
  };

  const save = async (
    event: FormEvent,
    check: (draft: D) => readonly Problem[],
    put: (draft: D) => Promise<string>,
  ) => {
    event.preventDefault();
    if (!draft) return;
    setSaved(null);
    const problems = check(draft);
    if (problems.length > 0) return setError(refusal.ofProblems(problems));
    setBusy(true);
    setError(null);
    try {
      setSaved(await put(draft));
      setDraft(null);
      reload();
    } catch (caught) {
      refused(caught);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (send: () => Promise<unknown>) => {
    setError(null);
    setSaved(null);
    try {
      await send();
      setRemoving(null);
      reload();
    } catch (caught) {
      setRemoving(null);
      refused(caught);
    }
  };

  return {
    draft,
    setDraft,
    edited,
    error,
    saved,
    busy,
    removing,
    setRemoving,
    open,
    reset,
    save: (event, check, put) => void save(event, check, put),
    remove: (send) => void remove(send),
  };
}
