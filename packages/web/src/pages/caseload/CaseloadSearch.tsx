import { useState, type FormEvent } from "react";

/**
 * Search by name or local reference, sent when the user presses Search. The words stay in the page's memory:
 * a name is personal data, so it is never put in the address.
 */
export function CaseloadSearch({ applied, onSearch }: { applied: string; onSearch: (words: string) => void }) {
  const [words, setWords] = useState(applied);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(words.trim());
  };
  const clear = () => {
    setWords("");
    onSearch("");
  };
  return (
    <form role="search" className="search-form" onSubmit={submit} aria-label="Search the caseload">
      <div className="form-group">
        <label className="label" htmlFor="caseload-search">
          Search by name or reference
        </label>
        <div className="hint" id="caseload-search-hint">
          First, last or preferred name, or the local reference, for example SRS-00043
        </div>
        <div className="search-form__row">
          <input
            className="input search-form__input"
            id="caseload-search"
            type="search"
            autoComplete="off"
            aria-describedby="caseload-search-hint"
            value={words}
            onChange={(event) => setWords(event.target.value)}
          />
          <button type="submit" className="button button--secondary search-form__button">
            Search
          </button>
          {applied && (
            <button type="button" className="button button--secondary search-form__button" onClick={clear}>
              Clear search
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
