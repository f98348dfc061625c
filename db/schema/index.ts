export * from "./audit";
export * from "./cases";
export * from "./figures";
export * from "./goals";
export * from "./partnerships";
export * from "./people";
export * from "./places";
export * from "./reflections";
