/** The accounts seed:national makes and bench:dashboards signs in with. */
export const BENCH_PASSWORD = "bench1234";
export const benchAccounts = {
  municipality: "bench-gemeente@bench.nl",
  region: "bench-regio@bench.nl",
  national: "bench-landelijk@bench.nl",
  coordinator: "bench-coordinator@bench.nl",
} as const;
