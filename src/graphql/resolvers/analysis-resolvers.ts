export const ANALYSIS_RESOLVERS = [] as const;
