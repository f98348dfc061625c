"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useNotice } from "@/app/_components/notice";
import { useTRPC } from "@/app/_trpc/client";

/**
 * The invitations waiting for the signed-in person: accept (and become a member in the role
 * offered) or decline. Nothing is shown when there are none.
 */
export function MyInvitations() {
  const t = useTranslations("invitations");
  const tRole = useTranslations("enums.role");
  const trpc = useTRPC();
  const mine = useQuery(trpc.me.invitations.queryOptions());
  const answer = useMutation(trpc.me.answerInvitation.mutationOptions());
  const notice = useNotice();
  if (!mine.data?.length && !notice.view) return null;
  return (
    <section aria-labelledby="invitations-heading" className="smo-section">
      {notice.view}
      {mine.data && mine.data.length > 0 && (
        <>
          <h2 id="invitations-heading" className="utrecht-heading-2">
            {t("title")}
          </h2>
          <p className="utrecht-paragraph">{t("intro")}</p>
          <ul className="utrecht-unordered-list">
            {mine.data.map((i) => {
              const send = (choice: "accepted" | "declined") =>
                void notice.run(
                  async () => {
                    await answer.mutateAsync({ id: i.id, version: i.version, answer: choice });
                    if (choice === "accepted") {
                      // A full navigation: the menu and the list show the new membership.
                      window.location.assign(`/partnerships/${i.partnershipId}`);
                      return;
                    }
                    await mine.refetch();
                  },
                  t(choice, { partnership: i.partnershipName }),
                );
              return (
                <li key={i.id} className="utrecht-unordered-list__item">
                  <strong>
                    {t("line", {
                      partnership: i.partnershipName,
                      role: tRole(i.role).toLocaleLowerCase(),
                    })}
                  </strong>
                  {i.invitedByName && <> ({t("by", { name: i.invitedByName })})</>}
                  <div className="utrecht-button-group">
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--primary-action"
                      disabled={answer.isPending}
                      onClick={() => send("accepted")}
                    >
                      {t("accept")}
                      <span className="smo-visually-hidden"> {i.partnershipName}</span>
                    </button>
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--secondary-action"
                      disabled={answer.isPending}
                      onClick={() => send("declined")}
                    >
                      {t("decline")}
                      <span className="smo-visually-hidden"> {i.partnershipName}</span>
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
