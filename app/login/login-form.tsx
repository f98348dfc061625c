"use client";

import { useQueryClient } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useDates } from "@/app/_components/dates";
import { ErrorSummary } from "@/app/_components/error-summary";
import type { FieldErrors } from "@/app/_components/form";
import { useTRPC } from "@/app/_trpc/client";

export function LoginForm({
  callbackUrl,
  organisation,
  failed,
}: {
  callbackUrl: string;
  /** The organisation sign-in's name, when there is one. */
  organisation: string | null;
  /** An error next-auth sent back here (an organisation sign-in that was refused). */
  failed: string | null;
}) {
  const t = useTranslations("login");
  const tf = useTranslations("fields");
  const [busy, setBusy] = useState(false);
  // Message keys, not texts: switching the language after a failed login shows them in the new one.
  type Key =
    | "emailRequired"
    | "passwordRequired"
    | "errorSummary"
    | "rateLimited"
    | "invalidCredentials"
    | "codeRequired"
    | "invalidCode"
    | "failed";
  const [failure, setFailure] = useState<{
    message: Key;
    fieldErrors: Partial<Record<"email" | "password" | "code", Key>>;
  } | null>(null);
  // The account asks for a second step: the e-mail and password stay, the code is asked.
  const [second, setSecond] = useState<{ email: string; password: string } | null>(null);
  // What was typed as the e-mail address, for the first step again ("Ander account").
  const [lastEmail, setLastEmail] = useState("");
  const idFor = (name: string) => `login-${name}`;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { moment } = useDates();
  // Wrong passwords tried on the account since the owner's previous sign-in: told before going on.
  const [notice, setNotice] = useState<{ failures: number; lastAt: Date | null } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const email = second?.email ?? String(data.get("email") ?? "").trim();
    const password = second?.password ?? String(data.get("password") ?? "");
    const code = String(data.get("code") ?? "").trim();
    const fieldErrors: Partial<Record<"email" | "password" | "code", Key>> = {};
    if (!email) fieldErrors.email = "emailRequired";
    if (!password) fieldErrors.password = "passwordRequired";
    if (second && !code) fieldErrors.code = "codeRequired";
    if (Object.keys(fieldErrors).length > 0) {
      setFailure({ message: "errorSummary", fieldErrors });
      return;
    }
    setBusy(true);
    try {
      const result = await signIn("credentials", { email, password, code, redirect: false });
      if (result?.ok && !result.error) {
        const told = await queryClient
          .fetchQuery(trpc.me.signInNotice.queryOptions())
          .catch(() => null);
        if (told && told.failures > 0) {
          setNotice(told);
          return;
        }
        // A full navigation: the layout (menu, name) is rendered afresh for the new session.
        window.location.assign(callbackUrl);
        return;
      }
      if (result?.error === "code_required") {
        setSecond({ email, password });
        setLastEmail(email);
        setFailure(null);
        return;
      }
      if (result?.error === "invalid_code") {
        setFailure({ message: "invalidCode", fieldErrors: { code: "invalidCode" } });
        return;
      }
      const message: Key =
        result?.error === "rate_limited"
          ? "rateLimited"
          : result?.error === "invalid_credentials" || result?.error === "CredentialsSignin"
            ? "invalidCredentials"
            : "failed";
      // The password no longer holds (changed meanwhile): back to the first step, with the address.
      if (second && message === "invalidCredentials") setSecond(null);
      setFailure({
        message,
        fieldErrors:
          second && message !== "invalidCredentials" ? { code: message } : { email: message },
      });
    } catch {
      setFailure({ message: "failed", fieldErrors: {} });
    } finally {
      setBusy(false);
    }
  }

  const errors: FieldErrors = Object.fromEntries(
    Object.entries(failure?.fieldErrors ?? {}).map(([field, key]) => [field, t(key)]),
  );
  if (notice)
    return (
      <div className="utrecht-alert utrecht-alert--warning" role="alert">
        <div className="utrecht-alert__content">
          <h2 className="utrecht-heading-2">{t("notice.title")}</h2>
          <p className="utrecht-paragraph">
            {t("notice.text", {
              count: notice.failures,
              last: notice.lastAt ? moment(notice.lastAt) : "",
            })}
          </p>
          <p className="utrecht-paragraph">{t("notice.advice")}</p>
          <p className="utrecht-paragraph">
            {/* A full navigation, as after any sign-in. */}
            <a href={callbackUrl} className="utrecht-link utrecht-link--html-a">
              {t("notice.continue")}
            </a>
          </p>
        </div>
      </div>
    );
  return (
    <>
      {failed && !failure && (
        <div className="utrecht-alert utrecht-alert--error" role="alert" data-testid="oidc-error">
          <p className="utrecht-paragraph">
            {failed === "oidc_second_factor" ? t("oidcSecondFactor") : t("oidcFailed")}
          </p>
        </div>
      )}
      {organisation && !second && (
        <section aria-labelledby="login-oidc">
          <h2 id="login-oidc" className="utrecht-heading-2">
            {t("oidc")}
          </h2>
          <p className="utrecht-paragraph">{t("oidcIntro")}</p>
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            onClick={() => void signIn("oidc", { callbackUrl })}
          >
            {t("oidcButton", { name: organisation })}
          </button>
          <h2 className="utrecht-heading-2">{t("or")}</h2>
        </section>
      )}
      <form onSubmit={submit} noValidate method="post">
        {failure && (
          <ErrorSummary
            id={`${idFor("_")}-title`}
            message={t(failure.message)}
            errors={Object.entries(errors).map(([name, text]) => ({ id: idFor(name), text }))}
          />
        )}
        {second && <p className="utrecht-paragraph">{t("codeIntro")}</p>}
        {(second ? (["code"] as const) : (["email", "password"] as const)).map((name) => (
          <div
            key={name}
            className={`utrecht-form-field${errors[name] ? " utrecht-form-field--invalid" : ""}`}
          >
            <div className="utrecht-form-field__label">
              <label htmlFor={idFor(name)} className="utrecht-form-label">
                {name === "code" ? tf("otp") : tf(name)}
              </label>
            </div>
            {name === "code" && (
              <div id={`${idFor(name)}-hint`} className="utrecht-form-field-description">
                {t("codeHint")}
              </div>
            )}
            {errors[name] && (
              <div id={`${idFor(name)}-error`} className="utrecht-form-field-error-message">
                {errors[name]}
              </div>
            )}
            <div className="utrecht-form-field__input">
              <input
                id={idFor(name)}
                name={name}
                type={name === "code" ? "text" : name}
                defaultValue={name === "email" ? lastEmail : undefined}
                autoComplete={
                  name === "email"
                    ? "username"
                    : name === "code"
                      ? "one-time-code"
                      : "current-password"
                }
                // biome-ignore lint/a11y/noAutofocus: the one field of the step the person just reached.
                autoFocus={name === "code"}
                spellCheck={name === "code" ? false : undefined}
                className={`utrecht-textbox utrecht-textbox--html-input${errors[name] ? " utrecht-textbox--invalid" : ""}`}
                aria-invalid={errors[name] ? true : undefined}
                aria-describedby={
                  [errors[name] && `${idFor(name)}-error`, name === "code" && `${idFor(name)}-hint`]
                    .filter(Boolean)
                    .join(" ") || undefined
                }
              />
            </div>
          </div>
        ))}
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          aria-disabled={busy || undefined}
        >
          {busy ? t("busy") : t("submit")}
        </button>
        {second && (
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle"
            onClick={() => {
              setSecond(null);
              setFailure(null);
            }}
          >
            {t("back")}
          </button>
        )}
      </form>
    </>
  );
}
