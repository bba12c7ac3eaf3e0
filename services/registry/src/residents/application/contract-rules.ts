/** Nest token of the city's contract rules (from the registry config). */
export const CONTRACT_RULES = Symbol('CONTRACT_RULES');
