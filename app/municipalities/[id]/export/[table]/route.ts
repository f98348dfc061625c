/** This municipality's dashboard tables as CSV (app/_scopes/csv.ts). */
import { scopeCsvRoute } from "@/app/_scopes/csv";

export const GET = scopeCsvRoute("municipality");
