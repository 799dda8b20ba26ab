/** Convergence settings of the power iterations (PageRank, eigenvector centrality). */

/** Iteration cap (networkx uses 100; converging runs stop at the same step). */
export const POWER_MAX_ITERATIONS = 1000;
/** networkx's tolerance: stop when the L1 change is below n · tolerance. */
export const POWER_TOLERANCE = 1e-6;
