import { notFound } from "next/navigation";
import { currentUser } from "@/app/_components/session";

/** Administration is for platform admins only; others see the 404 page (procedures check again). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user?.isAdmin) notFound();
  return children;
}
