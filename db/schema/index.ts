export * from "./audit";
export * from "./partnerships";
export * from "./people";
export * from "./places";
