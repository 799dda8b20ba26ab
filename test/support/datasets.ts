import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

/** The research networks vendored in the repository (see data/networks/README.md). */
export const DATASETS = path.join(PROJECT_ROOT, 'data', 'networks');
