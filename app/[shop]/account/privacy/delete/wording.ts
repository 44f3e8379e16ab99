// Words of the "Delete my account" pages.

export function gracePeriodText(days: number): string {
  return days > 0
    ? `Your account is deleted ${days} day${days === 1 ? "" : "s"} after you confirm; you can cancel until then.`
    : "Your account is deleted at once when you confirm. This cannot be undone.";
}

export function reRegisterText(canReRegister: boolean, shopName: string): string {
  return canReRegister
    ? `You can open a new ${shopName} account with the same email address afterwards; it starts empty.`
    : `The same email address cannot be used to open a new ${shopName} account afterwards.`;
}
