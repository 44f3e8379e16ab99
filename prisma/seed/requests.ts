import { shopRequestDeadlines } from "../../server/requests";
import { requestTypeOptions } from "../../server/requests/types";
import type { ShopProfile } from "../../server/tenants/profile-schema";
import type { Db } from "./orders";
import { DAY } from "./rng";

const inWords = (day: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );

// Demo rights requests of a shop's other customers (never the demo customer's, whose
// page starts empty): one overdue and one recent open request for the queue, one
// decided last month and one self-service export, so the queue and the metrics show
// something. Due dates are computed as the app computes them.
export async function seedRequests(
  db: Db,
  options: { shopId: string; customerIds: string[]; profile: ShopProfile; now: Date },
): Promise<number> {
  const types = requestTypeOptions(options.profile);
  if (!types.length) return 0;
  const plans = [
    { daysAgo: 40, status: "OPEN" as const, type: types[0] },
    { daysAgo: 4, status: "OPEN" as const, type: types.at(-1) ?? types[0] },
    { daysAgo: 60, status: "CLOSED" as const, type: types.at(-1) ?? types[0] },
  ];
  let count = 0;
  for (const [i, customerId] of options.customerIds.entries()) {
    const plan = plans[i % plans.length];
    const receivedAt = new Date(options.now.getTime() - plan.daysAgo * DAY + 10 * 60 * 60_000);
    const dates = shopRequestDeadlines(options.profile, receivedAt);
    const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
    const decidedAt = plan.status === "CLOSED" ? new Date(receivedAt.getTime() + 12 * DAY) : null;
    const objection = plan.type.type === "OBJECTION";
    const purposes = objection
      ? options.profile.purposes
          .filter((p) => p.legalBasis === "legitimate-interests")
          .slice(0, 1)
          .map((p) => p.key)
      : [];
    await db.rightsRequest.create({
      data: {
        shopId: options.shopId,
        customerId,
        type: plan.type.type,
        status: plan.status,
        outcome: decidedAt ? "PARTLY_GRANTED" : null,
        purposes,
        details: "I would like this looked at by a person, please.",
        receivedAt,
        receivedOn: asDate(dates.receivedOn),
        firstDueOn: asDate(dates.dueOn),
        dueOn: asDate(dates.dueOn),
        extendableDueOn: dates.extendedDueOn ? asDate(dates.extendedDueOn) : null,
        decidedAt,
        decisionReason: decidedAt ? "We corrected what was wrong; the rest is accurate as it stands." : null,
        events: {
          create: [
            { kind: "RECEIVED", actorType: "CUSTOMER", actorId: customerId, at: receivedAt },
            {
              kind: "IDENTITY_CONFIRMED",
              actorType: "SYSTEM",
              at: receivedAt,
              message: "You were signed in to your account.",
            },
            {
              kind: "ACKNOWLEDGED",
              actorType: "SYSTEM",
              at: receivedAt,
              message: `We will answer by ${inWords(dates.dueOn)}.`,
            },
            ...(decidedAt
              ? [
                  {
                    kind: "DECIDED",
                    actorType: "AGENT" as const,
                    at: decidedAt,
                    message: "We corrected what was wrong; the rest is accurate as it stands.",
                  },
                  { kind: "CLOSED", actorType: "SYSTEM" as const, at: decidedAt },
                ]
              : []),
          ],
        },
      },
    });
    // A copy of the data, done at once in the account.
    const exportedAt = new Date(receivedAt.getTime() - 30 * DAY);
    const exportDates = shopRequestDeadlines(options.profile, exportedAt);
    await db.rightsRequest.create({
      data: {
        shopId: options.shopId,
        customerId,
        type: "ACCESS",
        status: "CLOSED",
        outcome: "GRANTED",
        selfService: true,
        receivedAt: exportedAt,
        receivedOn: asDate(exportDates.receivedOn),
        firstDueOn: asDate(exportDates.dueOn),
        dueOn: asDate(exportDates.dueOn),
        decidedAt: exportedAt,
        events: {
          create: [
            { kind: "RECEIVED", actorType: "CUSTOMER", actorId: customerId, at: exportedAt },
            { kind: "COMPLETED", actorType: "SYSTEM", at: exportedAt },
          ],
        },
      },
    });
    count += 2;
  }
  return count;
}
