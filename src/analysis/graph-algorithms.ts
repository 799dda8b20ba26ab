/** The graph algorithms, one per module in ./algorithms (kept as the historical import path). */
export * from './algorithms';
