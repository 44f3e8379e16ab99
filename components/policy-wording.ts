// Words for the API's policy enums, shared by every page that shows them.
export const SOURCE_TEXT: { [source: string]: string } = {
  GIVEN: "given by you",
  PROVIDER: "from a social sign-in provider",
  PARTNER: "from a partner",
  AUTOMATIC: "collected automatically",
};

// Reads after "on the basis of …".
export const LEGAL_BASIS_TEXT: { [basis: string]: string } = {
  CONSENT: "your consent",
  CONTRACT: "our contract with you",
  LEGAL_OBLIGATION: "a legal obligation",
  LEGITIMATE_INTERESTS: "our legitimate interests",
  VITAL_INTERESTS: "vital interests",
  PUBLIC_TASK: "a public task",
};

export const sourceText = (source: string) => SOURCE_TEXT[source] ?? source;
export const legalBasisText = (basis: string) => LEGAL_BASIS_TEXT[basis] ?? basis;
