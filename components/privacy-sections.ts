// The sections of "My Account → Privacy". Each is a route. `rights` are the rights
// (keys of the shop's profile) the section is where to exercise; the overview links
// each right to the first section that lists it. Sections without `hasOwnPage` are
// served by the placeholder page (app/[shop]/account/privacy/[section]).
export type PrivacySection = {
  slug: string;
  label: string;
  summary: string;
  rights: string[];
  hasOwnPage?: boolean;
};

export const PRIVACY_SECTIONS: PrivacySection[] = [
  {
    slug: "data",
    label: "My data",
    summary: "Everything we hold about you, why, and for how long; correct what is wrong.",
    rights: ["access", "rectification"],
    hasOwnPage: true,
  },
  {
    slug: "export",
    label: "Download my data",
    summary: "A copy of your data as JSON or CSV.",
    rights: ["portability", "access"],
    hasOwnPage: true,
  },
  {
    slug: "subscriptions",
    label: "Subscriptions",
    summary: "Marketing by channel and topic, profiling and sharing; unsubscribe from everything.",
    rights: ["withdraw-consent", "objection"],
    hasOwnPage: true,
  },
  {
    slug: "cookies",
    label: "Cookies",
    summary: "Which cookie categories you allow.",
    rights: ["withdraw-consent"],
    hasOwnPage: true,
  },
  {
    slug: "invitations",
    label: "Invited friends",
    summary:
      "Invite a friend with a share link or one email; see what became of each invitation, withdraw one, erase your friends' details.",
    rights: [],
    hasOwnPage: true,
  },
  {
    slug: "connected-accounts",
    label: "Connected accounts",
    summary:
      "Signing in with Facebook, Google and the like: which are linked, when last used, exactly what each gave us; link, unlink, erase.",
    rights: [],
    hasOwnPage: true,
  },
  {
    slug: "requests",
    label: "Requests",
    summary:
      "Restrict the use of your data, object to a purpose, have a person review an automated decision or dispute a correction; follow each request to its due date.",
    rights: ["restriction", "objection", "automated-decision"],
    hasOwnPage: true,
  },
  {
    slug: "access-log",
    label: "Access log",
    summary: "Your sign-ins, every support session and what it viewed or changed; allow or withdraw support access.",
    rights: ["access"],
    hasOwnPage: true,
  },
  {
    slug: "delete",
    label: "Delete my account",
    summary: "What is deleted, what is kept by law and until when.",
    rights: ["erasure"],
    hasOwnPage: true,
  },
];

export function findPrivacySection(slug: string): PrivacySection | undefined {
  return PRIVACY_SECTIONS.find((s) => s.slug === slug);
}
