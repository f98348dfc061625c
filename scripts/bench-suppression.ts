/**
 * `npx tsx scripts/bench-suppression.ts`: the suppression engine (server/disclosure/suppression.ts)
 * on one nation-sized block — 42 regions of 8 municipalities, every cell broken down by six
 * school types and five age bands, case counts spread like real ones (20 to 800 per
 * municipality) — and prints how many cells were small, how many it hid, how many linear
 * programs it solved and how long it took.
 */
import { seededRandom } from "@/db/seed/random";
import { planSuppression, type Relation } from "@/server/disclosure/suppression";

const schoolTypes = ["po", "so", "vo", "vso", "mbo", "none"];
const schoolShare = [0.4, 0.05, 0.3, 0.05, 0.15, 0.05];
const ageBands = ["0-4", "4-12", "12-16", "16-18", "18-23"];
const ageShare = [0.05, 0.4, 0.3, 0.15, 0.1];
const random = seededRandom(7);

const values = new Map<string, number>();
const relations: Relation[] = [];
type Joint = number[][];
const zero = (): Joint => schoolTypes.map(() => ageBands.map(() => 0));
const plus = (a: Joint, b: Joint): Joint =>
  a.map((row, i) => row.map((v, j) => v + (b[i]?.[j] ?? 0)));
const at = (j: Joint, i: number, k: number) => j[i]?.[k] ?? 0;

function unit(name: string, joint: Joint) {
  values.set(
    `${name}|T`,
    joint.flat().reduce((a, b) => a + b, 0),
  );
  for (const [i, s] of schoolTypes.entries())
    values.set(
      `${name}|${s}`,
      ageBands.reduce((sum, _, k) => sum + at(joint, i, k), 0),
    );
  for (const [k, a] of ageBands.entries())
    values.set(
      `${name}|${a}`,
      schoolTypes.reduce((sum, _, i) => sum + at(joint, i, k), 0),
    );
  relations.push({ total: `${name}|T`, parts: schoolTypes.map((s) => `${name}|${s}`) });
  relations.push({ total: `${name}|T`, parts: ageBands.map((a) => `${name}|${a}`) });
}

const breakdown = ["T", ...schoolTypes, ...ageBands];
let nation = zero();
const regions: string[] = [];
for (let r = 0; r < 42; r++) {
  let region = zero();
  const municipalities: string[] = [];
  for (let m = 0; m < 8; m++) {
    const total = Math.round(20 * 40 ** random());
    const joint = schoolTypes.map((_, i) =>
      ageBands.map((_, k) =>
        Math.round(total * (schoolShare[i] ?? 0) * (ageShare[k] ?? 0) * (0.5 + random())),
      ),
    );
    unit(`m${r}.${m}`, joint);
    region = plus(region, joint);
    municipalities.push(`m${r}.${m}`);
  }
  unit(`r${r}`, region);
  nation = plus(nation, region);
  regions.push(`r${r}`);
  for (const b of breakdown)
    relations.push({ total: `r${r}|${b}`, parts: municipalities.map((m) => `${m}|${b}`) });
}
unit("nl", nation);
for (const b of breakdown)
  relations.push({ total: `nl|${b}`, parts: regions.map((r) => `${r}|${b}`) });

const primary = new Set([...values].filter(([, v]) => v < 10).map(([k]) => k));
const started = performance.now();
const plan = await planSuppression({
  values,
  primary,
  relations,
  // Half the threshold each way, as the published figures use (server/disclosure/publish.ts).
  protection: 5,
  prior: { lower: 0, upper: 9 },
});
const totalsHidden = (prefix: string) =>
  [...values.keys()].filter((k) => k.startsWith(prefix) && k.endsWith("|T") && plan.hidden.has(k))
    .length;
console.log(
  `cells ${values.size}, small ${primary.size}, hidden ${plan.hidden.size} ` +
    `(${plan.complementary.size} to protect others), linear programs ${plan.solves}, ` +
    `${Math.round(performance.now() - started)} ms; totals hidden: ` +
    `municipalities ${totalsHidden("m")} of 336, regions ${totalsHidden("r")} of 42, nation ${totalsHidden("nl")}`,
);
