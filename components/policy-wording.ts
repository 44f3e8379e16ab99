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

// Where a consent choice was made (ConsentSource), read after "Changed …".
export const CONSENT_SOURCE_TEXT: { [source: string]: string } = {
  ACCOUNT_PAGE: "in your account",
  SIGN_UP: "when you signed up",
  UNSUBSCRIBE_LINK: "with the unsubscribe link in an email",
  CONFIRMATION_LINK: "with the confirmation link in an email",
  GLOBAL_PRIVACY_CONTROL: "by your browser's Global Privacy Control signal",
  SUPPORT_AGENT: "by our support team, at your request",
  PARTNER_API: "through a partner",
  IMPORT: "when imported from our earlier systems",
};

export const CONSENT_STATE_TEXT: { [state: string]: string } = {
  GRANTED: "Consent given",
  WITHDRAWN: "Consent withdrawn",
  PENDING: "Waiting for you to confirm by email",
  NOT_GIVEN: "Not chosen",
};

// How a consent was given (ConsentOptInLevel), read after "Opt-in:".
export const CONSENT_OPT_IN_TEXT: { [level: string]: string } = {
  SINGLE: "single (one step)",
  CONFIRMED: "confirmed by email (double opt-in)",
};

export const consentSourceText = (source: string) => CONSENT_SOURCE_TEXT[source] ?? source;
export const consentStateText = (state: string) => CONSENT_STATE_TEXT[state] ?? state;
export const consentOptInText = (level: string) => CONSENT_OPT_IN_TEXT[level] ?? level;
