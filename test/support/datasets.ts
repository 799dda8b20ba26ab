import path from 'node:path';

/** The network datasets and their networkx reference figures (no database needed to read them). */
export const DATASETS = path.resolve(__dirname, '..', '..', '..', 'shared', 'datasets');
