import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadOr404 } from "@/app/_components/guard";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { UserEditor } from "./user-editor";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const user = await loadOr404(async () => (await serverCaller()).admin.users.get({ id }));
  return { title: user.name };
}

export default async function UserPage({ params }: Props) {
  const { id } = await params;
  const user = await loadOr404(async () => (await serverCaller()).admin.users.get({ id }));
  const t = await getTranslations("admin");
  await prefetch(
    trpc.admin.users.get.queryOptions({ id }),
    trpc.admin.municipalities.options.queryOptions(),
  );
  return (
    <>
      <p className="smo-breadcrumb">
        <Link href="/admin" className="utrecht-link utrecht-link--html-a">
          {t("title")}
        </Link>
        {" › "}
        <Link href="/admin/users" className="utrecht-link utrecht-link--html-a">
          {t("users")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{user.name}</h1>
      <HydrateClient>
        <UserEditor id={id} />
      </HydrateClient>
    </>
  );
}
