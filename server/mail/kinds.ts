/** The kinds of mail the platform sends; each can be turned off by its recipient. */
export const mailKinds = [
  "round_invitation",
  "round_nudge",
  "reflection_due",
  "reflection_overdue",
  "action_due",
  "action_overdue",
  "case_check_in",
  "weekly_digest",
] as const;
export type MailKind = (typeof mailKinds)[number];
