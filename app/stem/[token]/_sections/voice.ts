/** What the screens of the personal-link form share: its steps, fields and scale. */
import { TRPCClientError } from "@trpc/client";

export type Perspective = "parent" | "young_person";
export type Rating = 1 | 2 | 3 | 4 | 5;
export type Field = "collaboration" | "wellbeing" | "comment";
export type Outcome = "thanks" | "already" | "invalid" | "tooMany";
/** 0 is the intro; 1–3 the questions. */
export type Step = 0 | 1 | 2 | 3;

export const QUESTIONS = 3;
export const SCALE: readonly Rating[] = [1, 2, 3, 4, 5];
export const COMMENT_MAX = 1000;
export const fieldId = (field: Field) =>
  field === "comment" ? "voice-comment" : `voice-${field}-1`;
export const stepOf: Record<Field, Step> = { collaboration: 1, wellbeing: 2, comment: 3 };

/** The code of a failed call, if the server gave one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError
    ? (error.data as { code?: string } | undefined)?.code
    : undefined;
}
