import { DEFAULT_CATALOGUE, MODALITIES, PHASES, type CatalogueItem, type CatalogueRuleSwitches } from "@waymark/core";

/** What each rule switch means for the person recording, in the words the forms use. */
const SWITCH_DESCRIPTIONS: Record<keyof CatalogueRuleSwitches, string> = {
  needsConcurrentModality: "Needs a pharmacological or psychosocial intervention running at the same time",
  needsSubType: "Choose at least one type",
  needsAssessedNeed: "The need must be shown in the latest assessment",
  needsInterest: "The person must have said they want to go",
  sustainedOnly: "Must be sustained: a planned end date or at least two sessions",
  needsContactSchedule: "Carries a schedule of check-ups after discharge",
  opioidSubstitution: "Opioid substitution treatment",
};

function conditionsOf(item: CatalogueItem): string[] {
  return (Object.keys(SWITCH_DESCRIPTIONS) as (keyof CatalogueRuleSwitches)[]).filter((key) => item.switches[key]).map((key) => SWITCH_DESCRIPTIONS[key]);
}

/** The intervention catalogue as a reference: each item, its definition and the conditions for recording it. */
export function CatalogueReference() {
  return (
    <>
      <h1>Intervention catalogue</h1>
      <p className="lead">The interventions this service records, what each one means and when it can be recorded.</p>
      {MODALITIES.entries.map((modality) => {
        const items = DEFAULT_CATALOGUE.filter((item) => item.modality === modality.code && !item.retired);
        return (
          <section key={modality.code} aria-labelledby={`modality-${modality.code}`}>
            <h2 id={`modality-${modality.code}`}>{modality.label}</h2>
            <table className="table">
              <caption className="visually-hidden">{modality.label} interventions</caption>
              <thead>
                <tr>
                  <th scope="col">Intervention</th>
                  <th scope="col">Definition</th>
                  <th scope="col">When</th>
                  <th scope="col">Conditions</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.code}>
                    <th scope="row">{item.label}</th>
                    <td>
                      {item.definition}
                      {item.subTypes.length > 0 && (
                        <ul className="subtypes">
                          {item.subTypes.map((subType) => (
                            <li key={subType.code}>{subType.label}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{PHASES.labelOf(item.phase)}</td>
                    <td>
                      <ul className="conditions">
                        {conditionsOf(item).map((condition) => (
                          <li key={condition}>{condition}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
