// The fixed vocabulary of personal-data categories. Shop profiles declare which of
// these they hold; the data map assigns every personal model to exactly one of them.
export const DATA_CATEGORY_KEYS = [
  "identity",
  "contact",
  "addresses",
  "orders",
  "documents",
  "payment",
  "wishlist",
  "preferences",
  "polls",
  "signins",
  "social",
  "enrichment",
  "consents",
  "cookies",
  "invitations",
  "communications",
  "location",
] as const;

export type DataCategoryKey = (typeof DATA_CATEGORY_KEYS)[number];

export const DATA_CATEGORY_LABELS: Record<DataCategoryKey, string> = {
  identity: "Identity",
  contact: "Contact details",
  addresses: "Addresses",
  orders: "Orders",
  documents: "Invoices and warranty certificates",
  payment: "Payment methods",
  wishlist: "Wish list",
  preferences: "Shopping preferences",
  polls: "Polls and surveys",
  signins: "Sign-ins and devices",
  social: "Data from social sign-in providers",
  enrichment: "Data from partners and enrichment services",
  consents: "Marketing choices",
  cookies: "Cookie choices",
  invitations: "Invited friends",
  communications: "Communications with us",
  location: "Location and in-store data",
};
